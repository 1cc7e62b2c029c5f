// The feed poller: every tick, polls the feeds that are due; stops cleanly, waiting for a poll in flight.
import type { Logger } from '../logger.js';
import type { FeedService } from './feed-service.js';

export interface FeedPoller {
  /** Polls due feeds now (also what each tick does). */
  tick(): Promise<void>;
  /** Stops the timer and waits for a running poll to finish. */
  stop(): Promise<void>;
}

/** Starts polling. The first tick runs at once, so a new feed's baseline is stored soon after start-up. */
export function startFeedPoller(options: { feeds: FeedService; logger: Logger; tickMs?: number }): FeedPoller {
  const { feeds, logger } = options;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= feeds
      .pollDue()
      .then(
        () => undefined,
        (err: unknown) => logger.error({ err }, 'feed polling failed'),
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 30_000);
  timer.unref();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
