// `newsdesk start` (and `npm start`): ingest content/, then serve the platforms, or the console chat.
import { createApp, openStore } from '../app.js';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { type BackgroundIngest, startBackgroundIngest } from '../feeds/background.js';
import { type HealthServer, startHealthServer } from '../health.js';
import { createLogger } from '../logger.js';
import { runConsoleChat } from '../platforms/console/console-chat.js';
import { createConsolePlatform } from '../platforms/console/console-platform.js';
import type { Platform } from '../platforms/platform.js';
import type { DigestScheduler } from '../scheduler/digest-scheduler.js';
import { openStoreWithRetry, type StoreRetryPolicy } from '../store/open-with-retry.js';
import type { ArticleStore } from '../store/ports.js';
import type { CliIo } from './io.js';

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/** What tests change about start-up; production uses the defaults. */
export interface StartOptions {
  /** Retries while the database is unreachable at start-up. */
  storeRetry?: Partial<StoreRetryPolicy>;
  /** Waits between those retries (tests record the delays instead of waiting). */
  sleep?: (ms: number) => Promise<void>;
  /** Resolves when the process should shut down; SIGINT or SIGTERM by default. */
  shutdown?: Promise<string>;
  /** How long shutdown waits for digest sends in flight before leaving them to their leases. */
  drainTimeoutMs?: number;
}

export function start(args: string[], io: CliIo): Promise<number> {
  return startWith(args, io, {});
}

export async function startWith(_args: string[], io: CliIo, options: StartOptions): Promise<number> {
  const config = loadConfig(io.env);
  const chatPlatforms = Boolean(config.slack || config.discord);
  // In the console chat, logs would mix with answers: only warnings and errors go to stderr.
  const logger = createLogger({
    level: chatPlatforms ? config.logLevel : 'warn',
    secrets: config.secrets,
    destination: io.stderr,
  });
  const platforms: Platform[] = [];
  let store: ArticleStore | undefined;
  let accepting = false;
  // Liveness answers from the first moment, so a slow database at start-up is waited for, not restarted.
  let health: HealthServer | undefined;
  if (config.healthPort !== undefined) {
    health = await startHealthServer({
      port: config.healthPort,
      checks: { store: () => store, platforms: () => platforms, accepting: () => accepting },
    });
    logger.info({ port: health.port }, 'health server listening: /healthz, /readyz');
  }
  let background: BackgroundIngest | undefined;
  let digests: DigestScheduler | undefined;
  try {
    store = await openStoreWithRetry({
      open: () => openStore(config, systemClock),
      what: config.database.kind,
      logger,
      policy: options.storeRetry,
      sleep: options.sleep,
    });
  } catch (error) {
    await health?.close();
    throw error;
  }
  const opened = store;
  const app = await createApp(config, { logger, store: opened }).catch(async (error: unknown) => {
    await opened.close().catch(() => undefined);
    await health?.close();
    throw error;
  });
  try {
    const report = await app.syncContent();
    for (const p of report.failed) io.stderr.write(`newsdesk: skipped ${p.path}: ${p.reason}\n`);
    // New and changed files in content/articles, and due feeds, are read while Newsdesk runs.
    background = startBackgroundIngest({
      contentDir: config.contentDir,
      syncContent: () => app.syncContent(),
      feeds: app.services.feeds,
      logger,
    });
    // Platform adapters register here, each only when its tokens are set.
    // Loaded only when used: the console chat starts without loading Bolt or discord.js.
    if (config.slack) {
      const { createSlackPlatform } = await import('../platforms/slack/slack-platform.js');
      platforms.push(createSlackPlatform({ config: config.slack, dispatcher: app.dispatcher, logger }));
    }
    if (config.discord) {
      const { createDiscordPlatform } = await import('../platforms/discord/discord-platform.js');
      platforms.push(
        createDiscordPlatform({ config: config.discord, dispatcher: app.dispatcher, services: app.services, logger }),
      );
    }
    // The console chat's own channel: its digests print to stdout.
    if (!chatPlatforms) platforms.push(createConsolePlatform({ output: io.stdout }));
    for (const platform of platforms) await platform.start();
    // Digests start after the platforms they post through (and send the start-up catch-up).
    digests = app.createDigestScheduler(platforms);
    await digests?.start();
    if (!chatPlatforms) {
      const n = await app.services.store.countArticles();
      await runConsoleChat({
        dispatcher: app.dispatcher,
        input: io.stdin,
        output: io.stdout,
        banner: `Newsdesk console: ${n} article${n === 1 ? '' : 's'} loaded. Type /brief nato, /whosaid putin was a good guy, /help, or quit.\n`,
      });
      return 0;
    }
    accepting = true;
    logger.info({ platforms: platforms.map((p) => p.name) }, 'newsdesk ready');
    const signal = await (options.shutdown ?? untilSignal());
    logger.info({ signal }, 'shutting down');
    return 0;
  } finally {
    // Order matters: /readyz fails first so no new traffic is routed here; digests in flight finish (or are
    // left to their leases) while the platforms can still post; then platforms drain their answers; the
    // store closes last, after everything that writes to it.
    accepting = false;
    await digests
      ?.stop({ timeoutMs: options.drainTimeoutMs })
      .catch((err: unknown) => logger.error({ err }, 'stopping digests failed'));
    await background?.stop().catch((err: unknown) => logger.error({ err }, 'stopping background ingest failed'));
    for (const platform of platforms.reverse())
      await platform.stop().catch((err: unknown) => logger.error({ err }, 'stop failed'));
    await health?.close().catch((err: unknown) => logger.error({ err }, 'stopping the health server failed'));
    await app.close();
  }
}
