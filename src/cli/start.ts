// `newsdesk start`: being built in the foundation work (placeholder so the CLI table compiles).
import type { CliIo } from './io.js';

export async function start(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('newsdesk start: not available yet\n');
  return 1;
}
