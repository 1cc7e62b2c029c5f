// The feed store contract: one suite every backend's FeedStore (SQLite, Postgres) must pass, given a fresh store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FeedState, type FeedStore, MAX_OUTCOME_ROWS, type OutcomeRow } from '../../src/store/feeds.js';

export interface FeedStoreHandle {
  feeds: FeedStore;
  /** Closes the store and removes what the factory made (a temp file, a schema). */
  dispose(): Promise<void>;
}

/** Makes a fresh, empty feed store (on a freshly migrated article store). */
export type FeedStoreFactory = () => Promise<FeedStoreHandle>;

/** Past 2^31 on purpose: times are ms since the epoch and must come back as numbers, not strings or wrapped. */
const T0 = Date.parse('2024-03-10T08:00:00Z');
const MINUTE = 60_000;

const state = (extra: Partial<FeedState> = {}): FeedState => ({
  intervalSec: 900,
  enabled: true,
  failures: 0,
  baselineDone: false,
  nextFetchAt: T0,
  ...extra,
});

const outcome = (i: number, extra: Partial<OutcomeRow> = {}): OutcomeRow => ({
  at: T0 + i,
  source: 'https://a.example/feed.xml',
  item: `item-${i}`,
  outcome: 'ingested',
  ...extra,
});

export function describeFeedStoreContract(name: string, factory: FeedStoreFactory): void {
  describe(`${name} feed store contract`, () => {
    let handle: FeedStoreHandle;
    let feeds: FeedStore;

    beforeEach(async () => {
      handle = await factory();
      feeds = handle.feeds;
    });
    afterEach(async () => {
      await handle.dispose();
    });

    describe('sources', () => {
      it('adds a feed enabled, with no baseline yet, due at once', async () => {
        expect(
          await feeds.addFeed({ url: 'https://a.example/feed.xml', intervalSec: 600, addedBy: 'U1', now: T0 }),
        ).toBe('added');
        expect(await feeds.getFeed('https://a.example/feed.xml')).toEqual({
          url: 'https://a.example/feed.xml',
          title: undefined,
          intervalSec: 600,
          enabled: true,
          disabledReason: undefined,
          failures: 0,
          lastError: undefined,
          etag: undefined,
          lastModified: undefined,
          baselineDone: false,
          addedAt: T0,
          addedBy: 'U1',
          lastFetchedAt: undefined,
          lastOkAt: undefined,
          nextFetchAt: T0,
        });
      });

      it('keeps addedBy unset when no one is named', async () => {
        await feeds.addFeed({ url: 'https://a.example/feed.xml', intervalSec: 600, now: T0 });
        expect((await feeds.getFeed('https://a.example/feed.xml'))?.addedBy).toBeUndefined();
      });

      it('answers undefined for a feed it does not have', async () => {
        expect(await feeds.getFeed('https://nowhere.example/feed.xml')).toBeUndefined();
      });

      it('says exists for an enabled feed added again, taking the new interval and fetching it at once', async () => {
        const url = 'https://a.example/feed.xml';
        await feeds.addFeed({ url, intervalSec: 600, addedBy: 'U1', now: T0 });
        await feeds.saveFeedState(
          url,
          state({ intervalSec: 600, baselineDone: true, etag: '"v1"', nextFetchAt: T0 + 10 * MINUTE }),
        );
        expect(await feeds.addFeed({ url, intervalSec: 1800, addedBy: 'U2', now: T0 + MINUTE })).toBe('exists');
        expect(await feeds.getFeed(url)).toMatchObject({
          intervalSec: 1800,
          nextFetchAt: T0 + MINUTE,
          addedAt: T0,
          addedBy: 'U1',
          baselineDone: true,
          etag: '"v1"',
        });
      });

      it('re-enables a disabled feed added again: failures and reason cleared, the last error kept', async () => {
        const url = 'https://a.example/feed.xml';
        await feeds.addFeed({ url, intervalSec: 600, now: T0 });
        await feeds.saveFeedState(
          url,
          state({ enabled: false, disabledReason: 'HTTP 404', failures: 5, lastError: 'HTTP 404' }),
        );
        expect(await feeds.addFeed({ url, intervalSec: 600, now: T0 + MINUTE })).toBe('enabled');
        expect(await feeds.getFeed(url)).toMatchObject({
          enabled: true,
          disabledReason: undefined,
          failures: 0,
          lastError: 'HTTP 404',
          nextFetchAt: T0 + MINUTE,
        });
      });

      it('lists feeds in the order they were added, by URL when added at the same instant', async () => {
        await feeds.addFeed({ url: 'https://c.example/', intervalSec: 600, now: T0 + 1 });
        await feeds.addFeed({ url: 'https://b.example/', intervalSec: 600, now: T0 });
        await feeds.addFeed({ url: 'https://a.example/', intervalSec: 600, now: T0 + 1 });
        await feeds.addFeed({ url: 'https://B.example/', intervalSec: 600, now: T0 + 1 });
        expect((await feeds.listFeeds()).map((f) => f.url)).toEqual([
          'https://b.example/',
          'https://B.example/',
          'https://a.example/',
          'https://c.example/',
        ]);
      });

      it('removes a feed, true only when it existed', async () => {
        await feeds.addFeed({ url: 'https://a.example/feed.xml', intervalSec: 600, now: T0 });
        expect(await feeds.removeFeed('https://a.example/feed.xml')).toBe(true);
        expect(await feeds.removeFeed('https://a.example/feed.xml')).toBe(false);
        expect(await feeds.listFeeds()).toEqual([]);
      });

      it('keeps what a removed feed delivered: its items and quiet articles', async () => {
        const url = 'https://a.example/feed.xml';
        await feeds.addFeed({ url, intervalSec: 600, now: T0 });
        await feeds.rememberItem(url, 'guid-1', { articleId: 'a-1', itemHash: 'h1' }, T0);
        await feeds.markQuiet('a-1', 'baseline', T0);
        await feeds.removeFeed(url);
        expect(await feeds.seenItem(url, 'guid-1')).toEqual({ articleId: 'a-1', itemHash: 'h1' });
        expect(await feeds.quietArticleIds(['a-1'])).toEqual(new Set(['a-1']));
      });
    });

    describe('scheduling', () => {
      it('gives the enabled feeds due by now, soonest first, then by URL, up to the limit', async () => {
        for (const [url, next, enabled] of [
          ['https://late.example/', T0 + MINUTE, true],
          ['https://b.example/', T0 - MINUTE, true],
          ['https://a.example/', T0 - MINUTE, true],
          ['https://now.example/', T0, true],
          ['https://off.example/', T0 - 2 * MINUTE, false],
          ['https://first.example/', T0 - 5 * MINUTE, true],
        ] as const) {
          await feeds.addFeed({ url, intervalSec: 600, now: T0 - 10 * MINUTE });
          await feeds.saveFeedState(url, state({ nextFetchAt: next, enabled }));
        }
        expect((await feeds.dueFeeds(T0, 10)).map((f) => f.url)).toEqual([
          'https://first.example/',
          'https://a.example/',
          'https://b.example/',
          'https://now.example/',
        ]);
        expect((await feeds.dueFeeds(T0, 2)).map((f) => f.url)).toEqual([
          'https://first.example/',
          'https://a.example/',
        ]);
        expect(await feeds.dueFeeds(T0 - 6 * MINUTE, 10)).toEqual([]);
      });

      it('makes a new feed due at the instant it was added', async () => {
        await feeds.addFeed({ url: 'https://a.example/', intervalSec: 600, now: T0 });
        expect(await feeds.dueFeeds(T0 - 1, 10)).toEqual([]);
        expect((await feeds.dueFeeds(T0, 10)).map((f) => f.url)).toEqual(['https://a.example/']);
      });

      it('writes back every field of a poll, and clears the ones left unset', async () => {
        const url = 'https://a.example/feed.xml';
        await feeds.addFeed({ url, intervalSec: 600, addedBy: 'U1', now: T0 });
        const full = state({
          title: 'Harbour Wire — “news”',
          intervalSec: 1200,
          enabled: false,
          disabledReason: 'too many failures',
          failures: 7,
          lastError: 'HTTP 503',
          etag: 'W/"abc"',
          lastModified: 'Tue, 05 Mar 2024 09:00:00 GMT',
          baselineDone: true,
          lastFetchedAt: T0 + MINUTE,
          lastOkAt: T0 - MINUTE,
          nextFetchAt: T0 + 20 * MINUTE,
        });
        await feeds.saveFeedState(url, full);
        expect(await feeds.getFeed(url)).toEqual({ ...full, url, addedAt: T0, addedBy: 'U1' });
        await feeds.saveFeedState(url, state({ nextFetchAt: T0 + 30 * MINUTE }));
        expect(await feeds.getFeed(url)).toEqual({
          url,
          addedAt: T0,
          addedBy: 'U1',
          title: undefined,
          intervalSec: 900,
          enabled: true,
          disabledReason: undefined,
          failures: 0,
          lastError: undefined,
          etag: undefined,
          lastModified: undefined,
          baselineDone: false,
          lastFetchedAt: undefined,
          lastOkAt: undefined,
          nextFetchAt: T0 + 30 * MINUTE,
        });
      });

      it('does not create a feed when saving the state of one it does not have', async () => {
        await feeds.saveFeedState('https://gone.example/', state());
        expect(await feeds.getFeed('https://gone.example/')).toBeUndefined();
        expect(await feeds.listFeeds()).toEqual([]);
      });
    });

    describe('seen items', () => {
      it('knows nothing of an item it was not told about', async () => {
        expect(await feeds.seenItem('https://a.example/', 'guid-1')).toBeUndefined();
      });

      it('remembers an item per source and item key, the latest article and hash winning', async () => {
        await feeds.rememberItem('https://a.example/', 'guid-1', { articleId: 'a-1', itemHash: 'h1' }, T0);
        await feeds.rememberItem('https://b.example/', 'guid-1', { articleId: 'b-1', itemHash: 'hb' }, T0);
        expect(await feeds.seenItem('https://a.example/', 'guid-1')).toEqual({ articleId: 'a-1', itemHash: 'h1' });
        await feeds.rememberItem('https://a.example/', 'guid-1', { articleId: 'a-1', itemHash: 'h2' }, T0 + MINUTE);
        expect(await feeds.seenItem('https://a.example/', 'guid-1')).toEqual({ articleId: 'a-1', itemHash: 'h2' });
        expect(await feeds.seenItem('https://b.example/', 'guid-1')).toEqual({ articleId: 'b-1', itemHash: 'hb' });
        expect(await feeds.seenItem('https://a.example/', 'guid-2')).toBeUndefined();
      });
    });

    describe('quiet (baseline) articles', () => {
      it('says which of the given articles are quiet', async () => {
        await feeds.markQuiet('a-1', 'baseline of https://a.example/', T0);
        await feeds.markQuiet('a-3', 'baseline of https://a.example/', T0);
        expect(await feeds.quietArticleIds(['a-1', 'a-2', 'a-3', 'a-4'])).toEqual(new Set(['a-1', 'a-3']));
        expect(await feeds.quietArticleIds(['a-2'])).toEqual(new Set());
      });

      it('answers an empty set for no ids', async () => {
        await feeds.markQuiet('a-1', 'baseline', T0);
        expect(await feeds.quietArticleIds([])).toEqual(new Set());
      });

      it('takes marking an article quiet twice as once', async () => {
        await feeds.markQuiet('a-1', 'baseline', T0);
        await feeds.markQuiet('a-1', 'baseline again', T0 + MINUTE);
        expect(await feeds.quietArticleIds(['a-1', 'a-1'])).toEqual(new Set(['a-1']));
      });

      it('looks up more ids than one query can bind', async () => {
        const ids = Array.from({ length: 1_234 }, (_, i) => `article-${i}`);
        for (const id of ids.filter((_, i) => i % 100 === 7)) await feeds.markQuiet(id, 'baseline', T0);
        expect(await feeds.quietArticleIds(ids)).toEqual(new Set(ids.filter((_, i) => i % 100 === 7)));
      });
    });

    describe('outcomes', () => {
      it('gives the most recent outcomes newest first, for all sources or one', async () => {
        await feeds.recordOutcomes([
          outcome(1, { articleId: 'a-1' }),
          outcome(2, { source: 'https://b.example/', outcome: 'failed', reason: 'HTTP 500' }),
        ]);
        await feeds.recordOutcomes([outcome(3, { outcome: 'baseline', articleId: 'a-3' })]);
        expect(await feeds.recentOutcomes(10)).toEqual([
          {
            at: T0 + 3,
            source: 'https://a.example/feed.xml',
            item: 'item-3',
            articleId: 'a-3',
            outcome: 'baseline',
            reason: undefined,
          },
          {
            at: T0 + 2,
            source: 'https://b.example/',
            item: 'item-2',
            articleId: undefined,
            outcome: 'failed',
            reason: 'HTTP 500',
          },
          {
            at: T0 + 1,
            source: 'https://a.example/feed.xml',
            item: 'item-1',
            articleId: 'a-1',
            outcome: 'ingested',
            reason: undefined,
          },
        ]);
        expect((await feeds.recentOutcomes(2)).map((o) => o.item)).toEqual(['item-3', 'item-2']);
        expect((await feeds.recentOutcomes(10, 'https://a.example/feed.xml')).map((o) => o.item)).toEqual([
          'item-3',
          'item-1',
        ]);
        expect(await feeds.recentOutcomes(10, 'https://nowhere.example/')).toEqual([]);
      });

      it('orders outcomes by when they were recorded, not by their time', async () => {
        await feeds.recordOutcomes([outcome(5), outcome(1)]);
        await feeds.recordOutcomes([outcome(0)]);
        expect((await feeds.recentOutcomes(10)).map((o) => o.item)).toEqual(['item-0', 'item-1', 'item-5']);
      });

      it('records nothing for an empty batch', async () => {
        await feeds.recordOutcomes([]);
        expect(await feeds.recentOutcomes(10)).toEqual([]);
      });

      it(`keeps only the newest ${MAX_OUTCOME_ROWS} outcomes`, async () => {
        const first = Array.from({ length: MAX_OUTCOME_ROWS - 3 }, (_, i) => outcome(i));
        await feeds.recordOutcomes(first);
        await feeds.recordOutcomes(Array.from({ length: 10 }, (_, i) => outcome(MAX_OUTCOME_ROWS - 3 + i)));
        const kept = await feeds.recentOutcomes(MAX_OUTCOME_ROWS + 100);
        expect(kept).toHaveLength(MAX_OUTCOME_ROWS);
        expect(kept[0]?.item).toBe(`item-${MAX_OUTCOME_ROWS + 6}`);
        expect(kept.at(-1)?.item).toBe('item-7');
        await feeds.recordOutcomes([outcome(MAX_OUTCOME_ROWS + 7)]);
        const after = await feeds.recentOutcomes(MAX_OUTCOME_ROWS + 100);
        expect(after).toHaveLength(MAX_OUTCOME_ROWS);
        expect(after.at(-1)?.item).toBe('item-8');
      });
    });
  });
}
