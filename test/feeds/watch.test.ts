// While running: a file dropped into content/articles is ingested within seconds, and due feeds are polled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackgroundIngest } from '../../src/feeds/background.js';
import { createFeedService } from '../../src/feeds/feed-service.js';
import { createFetcher } from '../../src/feeds/http.js';
import { createSilentLogger } from '../../src/logger.js';
import { feedStoreFor } from '../../src/store/store.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type FeedServer, startFeedServer } from './feed-server.js';

let app: TestApp;
let server: FeedServer;
beforeAll(async () => {
  app = await createTestApp({ articleDirs: [] });
  server = await startFeedServer();
});
afterAll(async () => {
  await app.close();
  await server.close();
});

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not true within ${ms} ms`);
}

const article = (title: string) =>
  `---\ntitle: ${title}\ndate: 2024-03-07\nsource: Test\n---\nThe port of Keelung in Taiwan handled a record number of cruise ships in March, officials said.\n`;

describe('the content watcher', () => {
  it('ingests a new file, then a changed one, within seconds', async () => {
    const background = startBackgroundIngest({
      contentDir: app.config.contentDir,
      syncContent: () => app.syncContent(),
      logger: createSilentLogger(),
      debounceMs: 100,
    });
    try {
      const path = join(app.config.contentDir, 'articles', 'keelung.md');
      writeFileSync(path, article('Keelung cruise record'));
      await until(async () => (await app.services.store.getArticle('keelung'))?.title === 'Keelung cruise record');
      writeFileSync(path, article('Keelung cruise record, revised'));
      await until(
        async () => (await app.services.store.getArticle('keelung'))?.title === 'Keelung cruise record, revised',
      );
      expect(await app.services.store.countArticles()).toBe(1);
    } finally {
      await background.stop();
    }
  });
});

describe('the feed poller', () => {
  it('polls due feeds on its own and stops cleanly', async () => {
    const feedStore = feedStoreFor(app.services.store);
    if (!feedStore) throw new Error('no feed store');
    const feeds = createFeedService({
      feedStore,
      ingestor: () => app.ingestor,
      fetcher: createFetcher({ hostGapMs: 0, timeoutMs: 1_000, allowPrivateAddresses: true }),
      logger: createSilentLogger(),
    });
    await feeds.add(server.url('/feed.json'));
    const background = startBackgroundIngest({
      contentDir: app.config.contentDir,
      syncContent: () => app.syncContent(),
      feeds,
      logger: createSilentLogger(),
      tickMs: 100,
    });
    try {
      await until(async () => (await feedStore.getFeed(server.url('/feed.json')))?.baselineDone === true);
      expect(await app.services.store.countArticles()).toBe(3);
    } finally {
      await background.stop();
    }
  });
});
