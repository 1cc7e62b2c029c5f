// `newsdesk ingest`: being built in the foundation work (placeholder so the CLI table compiles).
import type { CliIo } from './io.js';

export async function ingest(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('newsdesk ingest: not available yet\n');
  return 1;
}
