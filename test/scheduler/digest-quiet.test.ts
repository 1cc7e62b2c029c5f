// Digests leave out a feed's baseline (quiet) articles, on SQLite and on Postgres, through the app's wiring too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUIET_REASON } from '../../src/briefing/digest.js';
import { createManualClock } from '../../src/clock.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import type { FeedStore } from '../../src/store/feeds.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { feedStoreFor, type Store } from '../../src/store/store.js';
import { createTestApp, FIXTURE_ARTICLES } from '../helpers/test-app.js';
import { sampleArticles } from '../store/fixtures.js';
import { freshSchema, postgresUnavailable } from '../store/postgres.js';
import { type ManualClock, recordingPlatform, testScheduler } from './helpers.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`Skipping the Postgres half of the quiet-digest tests: ${unavailable}`);

const console_ = { platform: 'console', channelId: 'console' };

interface Backend {
  store: Store;
  dispose(): Promise<void>;
}

const backends: { name: string; skip: boolean; open: (clock: ManualClock) => Promise<Backend> }[] = [
  {
    name: 'sqlite',
    skip: false,
    async open(clock) {
      const dir = mkdtempSync(join(tmpdir(), 'newsdesk-quiet-'));
      const store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock });
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: `postgres${unavailable ? ` (skipped: ${unavailable})` : ''}`,
    skip: unavailable !== null,
    async open(clock) {
      const schema = await freshSchema();
      const store = await createPostgresStore({ url: schema.url, clock });
      return {
        store,
        async dispose() {
          await store.close();
          await schema.drop();
        },
      };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`digests and quiet articles on ${backend.name}`, () => {
    let clock: ManualClock;
    let opened: Backend;
    let feeds: FeedStore;

    beforeEach(async () => {
      clock = createManualClock('2024-03-28T12:00:00Z');
      opened = await backend.open(clock);
      const found = feedStoreFor(opened.store);
      if (!found) throw new Error('no feed store');
      feeds = found;
      for (const { article, analysis } of sampleArticles()) await opened.store.upsertArticle(article, analysis);
      await feeds.markQuiet('grain', 'baseline of https://wire.example/feed.xml', clock.now());
    });
    afterEach(async () => {
      await opened.dispose();
    });

    it('previews a digest without the baseline articles, saying why they are out', async () => {
      const digests = createDigestService({
        store: opened.store,
        clock,
        timeZone: 'UTC',
        catalog: () => [],
        quietArticleIds: (ids) => feeds.quietArticleIds(ids),
      });
      const { digest } = await digests.preview(console_);
      expect(digest.items.map((i) => i.article.id).sort()).toEqual(['spending', 'summit']);
      expect(digest.excluded.map((e) => [e.article.id, e.reason])).toEqual([['grain', QUIET_REASON]]);
      expect(digest.coveredUntil).toBeGreaterThan(Math.max(...digest.excluded.map((e) => e.article.ingestedAt)));
    });

    it('sends a scheduled digest without the baseline articles', async () => {
      const digests = createDigestService({ store: opened.store, clock, timeZone: 'UTC', catalog: () => [] });
      await digests.subscribe(console_, { schedule: '08:00', timeZone: 'UTC', userId: 'u' });
      const { platform, posts } = recordingPlatform();
      const scheduler = testScheduler(opened.store, clock, [platform], {
        quietArticleIds: (ids) => feeds.quietArticleIds(ids),
      });
      clock.set('2024-03-29T08:00:00Z');
      expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
      expect(posts[0]?.text).toContain('Spending row splits NATO members');
      expect(posts[0]?.text).not.toContain('Grain exports resume from Odesa');
    });
  });
}

describe.skipIf(unavailable !== null)(
  `the app's digests on postgres${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('leaves out the articles a feed stored as its baseline', async () => {
      const schema = await freshSchema();
      const app = await createTestApp({ articleDirs: [FIXTURE_ARTICLES], env: { DATABASE_URL: schema.url } });
      try {
        expect(app.services.store.kind).toBe('postgres');
        const feeds = feedStoreFor(app.services.store);
        const before = await app.services.digests?.preview(console_);
        const [first, ...rest] = before?.digest.items ?? [];
        if (!feeds || !first) throw new Error('no feed store or no articles');
        await feeds.markQuiet(first.article.id, 'baseline', Date.now());
        const after = await app.services.digests?.preview(console_);
        expect(after?.digest.items.map((i) => i.article.id)).toEqual(rest.map((i) => i.article.id));
        expect(after?.digest.excluded.find((e) => e.article.id === first.article.id)?.reason).toBe(QUIET_REASON);
      } finally {
        await app.close();
        await schema.drop();
      }
    });
  },
);
