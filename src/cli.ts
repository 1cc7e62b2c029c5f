// The `newsdesk` command line: start (console chat or platforms), ask, ingest, extract, summarize.
import type { CliIo, Subcommand } from './cli/io.js';
import { ConfigError, errorMessage, UserError } from './errors.js';

const SUBCOMMANDS: Record<string, { summary: string; load: () => Promise<Subcommand> }> = {
  start: {
    summary: 'run the bot (console chat when no platform token is set)',
    load: async () => (await import('./cli/start.js')).start,
  },
  ask: { summary: 'ask "/brief nato" once and exit [--json]', load: async () => (await import('./cli/ask.js')).ask },
  ingest: { summary: 'ingest a file, a folder or a URL', load: async () => (await import('./cli/ingest.js')).ingest },
  extract: {
    summary: 'quotes as JSONL: reads {"id","text"} lines on stdin',
    load: async () => (await import('./cli/extract.js')).extract,
  },
  summarize: {
    summary: 'summaries as JSONL: reads {"id","text"} lines on stdin [--sentences N]',
    load: async () => (await import('./cli/summarize.js')).summarize,
  },
};

function usage(): string {
  const lines = Object.entries(SUBCOMMANDS).map(([name, c]) => `  newsdesk ${name.padEnd(10)} ${c.summary}`);
  return `Usage:\n  newsdesk            console chat (same as 'newsdesk start')\n${lines.join('\n')}\n`;
}

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name = 'start', ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.stderr.write(`newsdesk: unknown command '${name}'\n${usage()}`);
    return 2;
  }
  try {
    return await (await sub.load())(args, io);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UserError) {
      io.stderr.write(`newsdesk: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`newsdesk ${name}: ${errorMessage(error)}\n`);
    return 1;
  }
}

function defaultIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
