// While Newsdesk runs: the content folder watcher and the feed poller, started and stopped together.
import { join } from 'node:path';
import { watchFolder } from '../ingest/watch.js';
import type { Logger } from '../logger.js';
import type { FeedService } from './feed-service.js';
import { startFeedPoller } from './poller.js';

export interface BackgroundIngest {
  stop(): Promise<void>;
}

export function startBackgroundIngest(options: {
  contentDir: string;
  syncContent: () => Promise<unknown>;
  feeds?: FeedService | undefined;
  logger: Logger;
  debounceMs?: number;
  tickMs?: number;
}): BackgroundIngest {
  const { logger } = options;
  const watcher = watchFolder(join(options.contentDir, 'articles'), options.syncContent, {
    logger,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  const poller = options.feeds
    ? startFeedPoller({
        feeds: options.feeds,
        logger,
        ...(options.tickMs === undefined ? {} : { tickMs: options.tickMs }),
      })
    : undefined;
  return {
    async stop() {
      await Promise.all([watcher.close(), poller?.stop()]);
    },
  };
}
