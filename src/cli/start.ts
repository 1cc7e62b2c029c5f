// `newsdesk start` (and `npm start`): ingest content/, then serve the platforms, or the console chat.
import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { runConsoleChat } from '../platforms/console/console-chat.js';
import type { CliIo } from './io.js';

export async function start(_args: string[], io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const platforms = Boolean(config.slack || config.discord);
  // In the console chat, logs would mix with answers: only warnings and errors go to stderr.
  const logger = createLogger({
    level: platforms ? config.logLevel : 'warn',
    secrets: config.secrets,
    destination: io.stderr,
  });
  const app = await createApp(config, { logger });
  try {
    const report = await app.syncContent();
    for (const p of report.failed) io.stderr.write(`newsdesk: skipped ${p.path}: ${p.reason}\n`);
    if (!platforms) {
      const n = await app.services.store.countArticles();
      await runConsoleChat({
        dispatcher: app.dispatcher,
        input: io.stdin,
        output: io.stdout,
        banner: `Newsdesk console: ${n} article${n === 1 ? '' : 's'} loaded. Type /brief nato, /whosaid putin was a good guy, /help, or quit.\n`,
      });
      return 0;
    }
    io.stderr.write('newsdesk: platforms are not available in this version yet\n');
    return 1;
  } finally {
    await app.close();
  }
}
