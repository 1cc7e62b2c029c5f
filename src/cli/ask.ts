// `newsdesk ask`: being built in the foundation work (placeholder so the CLI table compiles).
import type { CliIo } from './io.js';

export async function ask(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('newsdesk ask: not available yet\n');
  return 1;
}
