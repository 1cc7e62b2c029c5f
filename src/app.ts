// Builds Newsdesk's core from a config: store, topic catalog, ingest, services and the command dispatcher.
import { join } from 'node:path';
import { commands } from '../commands/index.js';
import { loadTopicCatalog } from './article/topics-file.js';
import { createBriefing } from './briefing/create-briefing.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { createDispatcher, type Dispatcher } from './dispatch.js';
import { createFeedService } from './feeds/feed-service.js';
import { createFetcher } from './feeds/http.js';
import { createIngestor, type Ingestor, type IngestReport } from './ingest/ingest.js';
import { createLogger, type Logger } from './logger.js';
import type { TopicCatalog } from './nlp/topics.js';
import type { Platform } from './platforms/platform.js';
import { createRateLimiter } from './rate-limit.js';
import { createDigestScheduler, type DigestScheduler } from './scheduler/digest-scheduler.js';
import { createDigestService } from './scheduler/digest-service.js';
import type { Services } from './services.js';
import type { ArticleStore } from './store/ports.js';
import { createSqliteStore } from './store/sqlite/sqlite-store.js';
import { feedStoreFor, subscriptionStoreOf } from './store/store.js';

export interface App {
  config: Config;
  services: Services;
  dispatcher: Dispatcher;
  ingestor: Ingestor;
  /** Ingests content/articles: new or changed files only. */
  syncContent(): Promise<IngestReport>;
  /** The digest scheduler posting through these platforms; undefined when the store keeps no subscriptions. */
  createDigestScheduler(platforms: readonly Platform[]): DigestScheduler | undefined;
  close(): Promise<void>;
}

export interface AppOptions {
  logger?: Logger;
  clock?: Clock;
  /** Use this store instead of opening the configured one (tests). */
  store?: ArticleStore;
}

export async function openStore(config: Config, clock: Clock): Promise<ArticleStore> {
  if (config.database.kind === 'postgres') {
    const { createPostgresStore } = await import('./store/postgres/postgres-store.js');
    return createPostgresStore({ url: config.database.url, clock });
  }
  return createSqliteStore({ path: config.database.path, clock });
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: config.secrets });
  const clock = options.clock ?? systemClock;
  let catalog: TopicCatalog = await loadTopicCatalog(join(config.contentDir, 'topics.yaml'));
  const store = options.store ?? (await openStore(config, clock));
  const briefing = createBriefing({ store, topics: () => catalog });
  const services: Services = { store, briefing, clock, logger };
  const rateLimiter = createRateLimiter({
    userPerMinute: config.rateLimits.userPerMinute,
    channelPerMinute: config.rateLimits.channelPerMinute,
    clock,
  });
  const dispatcher = createDispatcher(commands, services, { rateLimiter });
  let ingestor = createIngestor({ store, topics: catalog, logger });
  const feedStore = feedStoreFor(store);
  const subscriptions = subscriptionStoreOf(store);
  // Digests leave out the articles a feed's first fetch stored (its baseline): they are not news.
  const quietArticleIds = feedStore ? (ids: string[]) => feedStore.quietArticleIds(ids) : undefined;
  if (subscriptions) {
    services.digests = createDigestService({
      store: subscriptions,
      catalog: () => catalog,
      clock,
      timeZone: config.digest.timeZone,
      quietArticleIds,
    });
  }
  if (feedStore) {
    services.feeds = createFeedService({
      feedStore,
      ingestor: () => ingestor,
      clock,
      logger,
      fetcher: createFetcher({ allowPrivateAddresses: config.feeds.allowPrivateAddresses }),
    });
  }
  return {
    config,
    services,
    dispatcher,
    get ingestor() {
      return ingestor;
    },
    async syncContent() {
      catalog = await loadTopicCatalog(join(config.contentDir, 'topics.yaml'));
      ingestor = createIngestor({ store, topics: catalog, logger });
      const report = await ingestor.ingestDir(join(config.contentDir, 'articles'));
      logger.info(
        {
          inserted: report.inserted.length,
          updated: report.updated.length,
          unchanged: report.unchanged.length,
          failed: report.failed.length,
        },
        'content synced',
      );
      return report;
    },
    createDigestScheduler(platforms) {
      if (!subscriptions) return undefined;
      const scheduler = createDigestScheduler({
        store: subscriptions,
        catalog: () => catalog,
        platforms,
        clock,
        logger,
        catchupHours: config.digest.catchupHours,
        quietArticleIds,
      });
      services.digests?.onChange(() => {
        void scheduler.refresh().catch((err: unknown) => logger.error({ err }, 'digest refresh failed'));
      });
      return scheduler;
    },
    async close() {
      await store.close();
    },
  };
}
