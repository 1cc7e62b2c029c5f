// `newsdesk ask "/brief nato" [--json]`: answers one command and exits (non-zero on bad input).

import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { UserError } from '../errors.js';
import { createLogger } from '../logger.js';
import { CONSOLE_INVOKER, splitCommandLine } from '../platforms/console/console-chat.js';
import { renderPlain } from '../reply/render-plain.js';
import { type CliIo, hasFlag } from './io.js';

export async function ask(args: string[], io: CliIo): Promise<number> {
  const json = hasFlag(args, 'json');
  const line = args
    .filter((a) => a !== '--json')
    .join(' ')
    .trim();
  const parsed = splitCommandLine(line);
  if (!parsed) throw new UserError('ask needs a command, e.g. newsdesk ask "/brief nato"');
  const config = loadConfig(io.env);
  const logger = createLogger({ level: 'warn', secrets: config.secrets, destination: io.stderr });
  const app = await createApp(config, { logger });
  try {
    await app.syncContent();
    const reply = await app.dispatcher.run(parsed.name, { text: parsed.text }, { ...CONSOLE_INVOKER, platform: 'cli' });
    if (reply.error) {
      io.stderr.write(`newsdesk: ${reply.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')}\n`);
      return 2;
    }
    io.stdout.write(json ? `${JSON.stringify(reply, null, 2)}\n` : renderPlain(reply));
    return 0;
  } finally {
    await app.close();
  }
}
