// Feed sources: add/list/remove/enable, one poll of a feed (conditional GET, baseline, backoff, disabling), one-off URL ingest.
import { type Clock, systemClock } from '../clock.js';
import { errorMessage, UserError } from '../errors.js';
import type { Ingestor } from '../ingest/ingest.js';
import type { Logger } from '../logger.js';
import type { FeedRow, FeedState, FeedStore, ItemOutcome } from '../store/feeds.js';
import { createFetcher, FetchError, type Fetcher } from './http.js';
import {
  DEFAULT_INTERVAL_MINUTES,
  MAX_BACKOFF_MS,
  MAX_CONSECUTIVE_FAILURES,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
} from './options.js';
import { FeedFormatError, looksLikeFeed, parseFeed } from './parse-feed.js';
import { createItemReader, type ItemResult } from './read-items.js';

export interface PollReport {
  url: string;
  status: 'ok' | 'not-modified' | 'failed';
  /** Why the fetch failed; the feed's items are untouched. */
  reason?: string | undefined;
  /** Set when this failure disabled the feed. */
  disabled?: boolean | undefined;
  /** Whether this poll stored the feed's baseline (items not announced). */
  baseline?: boolean | undefined;
  items: ItemResult[];
}

export interface UrlIngestReport {
  url: string;
  kind: 'feed' | 'page';
  title?: string | undefined;
  items: ItemResult[];
}

export interface FeedService {
  /** Adds a feed (or re-enables it); its first poll stores a quiet baseline. */
  add(
    url: string,
    options?: { intervalMinutes?: number; addedBy?: string },
  ): Promise<{
    status: 'added' | 'enabled' | 'exists';
    feed: FeedRow;
  }>;
  /** Removes a feed; its articles stay. */
  remove(url: string): Promise<boolean>;
  /** Re-enables a disabled feed and polls it at the next tick. */
  enable(url: string): Promise<FeedRow | undefined>;
  /** Every feed with its state. */
  list(): Promise<FeedRow[]>;
  /** Polls one feed now. */
  poll(url: string): Promise<PollReport>;
  /** Polls every feed that is due, one request at a time per host. */
  pollDue(): Promise<PollReport[]>;
  /** Ingests a feed's items or one article page, once, without adding a source. */
  ingestUrl(url: string, onProgress?: (done: number, total: number) => void): Promise<UrlIngestReport>;
  /** Of these article ids, the ones stored as a baseline (digests leave them out). */
  quietArticleIds(articleIds: string[]): Promise<Set<string>>;
}

export interface FeedServiceOptions {
  feedStore: FeedStore;
  /** A getter: the app rebuilds its ingestor when the topic catalog changes. */
  ingestor: () => Ingestor;
  fetcher?: Fetcher;
  clock?: Clock;
  logger?: Logger;
  maxFailures?: number;
  /** How many hosts are fetched at once in pollDue. */
  hostConcurrency?: number;
}

/** A feed URL in canonical form; throws UserError for anything but http(s). */
export function feedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim().replace(/^<|>$/g, ''));
  } catch {
    throw new UserError(`Not a URL: ${raw.trim()}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError('Only http(s) URLs can be sources.');
  url.hash = '';
  return url.href;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function countOutcomes(items: readonly ItemResult[]): Record<ItemOutcome, number> {
  const counts: Record<ItemOutcome, number> = { ingested: 0, duplicate: 0, updated: 0, baseline: 0, failed: 0 };
  for (const i of items) counts[i.outcome]++;
  return counts;
}

export function createFeedService(options: FeedServiceOptions): FeedService {
  const { feedStore, logger } = options;
  const clock = options.clock ?? systemClock;
  const fetcher = options.fetcher ?? createFetcher();
  const maxFailures = options.maxFailures ?? MAX_CONSECUTIVE_FAILURES;
  const reader = createItemReader({ ingestor: options.ingestor, feedStore, fetcher, clock });
  const polling = new Map<string, Promise<PollReport>>();

  const record = async (source: string, items: ItemResult[]) => {
    const at = clock.now();
    await feedStore.recordOutcomes(
      items.map((i) => ({ at, source, item: i.key, articleId: i.articleId, outcome: i.outcome, reason: i.reason })),
    );
  };

  const pollOnce = async (feed: FeedRow): Promise<PollReport> => {
    const started = clock.now();
    const state: FeedState = { ...feed, lastFetchedAt: started };
    try {
      const result = await fetcher.fetch({ url: feed.url, etag: feed.etag, lastModified: feed.lastModified });
      if (result.status === 'not-modified') {
        await feedStore.saveFeedState(feed.url, {
          ...state,
          failures: 0,
          lastError: undefined,
          lastOkAt: clock.now(),
          nextFetchAt: clock.now() + feed.intervalSec * 1000,
        });
        return { url: feed.url, status: 'not-modified', items: [] };
      }
      if (!looksLikeFeed(result.contentType, result.body)) {
        throw new FeedFormatError('this is a web page, not a feed (RSS, Atom or JSON Feed)');
      }
      const parsed = parseFeed(result.body, result.contentType, result.url);
      const baseline = !feed.baselineDone;
      const items: ItemResult[] = [];
      for (const item of parsed.items) {
        items.push(await reader.readItem(item, { url: feed.url, title: parsed.title ?? feed.title, baseline }));
      }
      await record(feed.url, items);
      const failedItems = items.filter((i) => i.outcome === 'failed');
      await feedStore.saveFeedState(feed.url, {
        ...state,
        title: parsed.title ?? feed.title,
        etag: result.etag,
        lastModified: result.lastModified,
        baselineDone: true,
        failures: 0,
        // An item that failed is retried at the next poll: the validators must not hide it behind a 304.
        ...(failedItems.length > 0 ? { etag: undefined, lastModified: undefined } : {}),
        lastError: failedItems[0] ? `${failedItems.length} item(s) failed: ${failedItems[0].reason ?? ''}` : undefined,
        lastOkAt: clock.now(),
        nextFetchAt: clock.now() + feed.intervalSec * 1000,
      });
      const counts = countOutcomes(items);
      logger?.info({ feed: feed.url, ...counts, baseline }, 'feed polled');
      return { url: feed.url, status: 'ok', baseline, items };
    } catch (error) {
      const reason =
        error instanceof FetchError || error instanceof FeedFormatError ? error.message : errorMessage(error);
      const failures = feed.failures + 1;
      const disabled = failures >= maxFailures;
      const backoff = Math.min(feed.intervalSec * 1000 * 2 ** failures, MAX_BACKOFF_MS);
      const retryAfter = error instanceof FetchError ? (error.retryAfterMs ?? 0) : 0;
      await feedStore.saveFeedState(feed.url, {
        ...state,
        failures,
        lastError: reason,
        enabled: !disabled,
        disabledReason: disabled ? `failed ${failures} times in a row; last: ${reason}` : feed.disabledReason,
        nextFetchAt: clock.now() + Math.max(backoff, retryAfter),
      });
      logger?.warn({ feed: feed.url, failures, disabled, reason }, 'feed poll failed');
      return { url: feed.url, status: 'failed', reason, disabled, items: [] };
    }
  };

  /** One poll per feed at a time, even when the poller and a command ask together. */
  const poll = (feed: FeedRow): Promise<PollReport> => {
    const running = polling.get(feed.url);
    if (running) return running;
    const p = pollOnce(feed).finally(() => polling.delete(feed.url));
    polling.set(feed.url, p);
    return p;
  };

  return {
    async add(url, opts = {}) {
      const canonical = feedUrl(url);
      const minutes = opts.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
      if (!Number.isInteger(minutes) || minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES) {
        throw new UserError(
          `The interval must be a whole number of minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}.`,
        );
      }
      const status = await feedStore.addFeed({
        url: canonical,
        intervalSec: minutes * 60,
        now: clock.now(),
        ...(opts.addedBy ? { addedBy: opts.addedBy } : {}),
      });
      const feed = await feedStore.getFeed(canonical);
      if (!feed) throw new Error(`feed ${canonical} vanished after it was added`);
      return { status, feed };
    },
    async remove(url) {
      return feedStore.removeFeed(feedUrl(url));
    },
    async enable(url) {
      const canonical = feedUrl(url);
      const feed = await feedStore.getFeed(canonical);
      if (!feed) return undefined;
      await feedStore.addFeed({ url: canonical, intervalSec: feed.intervalSec, now: clock.now() });
      return feedStore.getFeed(canonical);
    },
    list: () => feedStore.listFeeds(),
    async poll(url) {
      const canonical = feedUrl(url);
      const feed = await feedStore.getFeed(canonical);
      if (!feed) throw new UserError(`${canonical} is not a source. Add it with /sources add ${canonical}`);
      return poll(feed);
    },
    async pollDue() {
      const due = await feedStore.dueFeeds(clock.now(), 500);
      const byHost = new Map<string, FeedRow[]>();
      for (const f of due) byHost.set(hostOf(f.url), [...(byHost.get(hostOf(f.url)) ?? []), f]);
      const hosts = [...byHost.values()];
      const reports: PollReport[] = [];
      const width = Math.max(1, options.hostConcurrency ?? 4);
      const worker = async () => {
        for (let feeds = hosts.shift(); feeds; feeds = hosts.shift()) {
          for (const f of feeds) reports.push(await poll(f));
        }
      };
      await Promise.all(Array.from({ length: Math.min(width, hosts.length) }, worker));
      return reports;
    },
    async ingestUrl(url, onProgress) {
      const canonical = feedUrl(url);
      const result = await fetcher.fetch({ url: canonical });
      if (result.status !== 'ok') throw new FetchError('the server sent no content (304)');
      if (looksLikeFeed(result.contentType, result.body)) {
        const parsed = parseFeed(result.body, result.contentType, result.url);
        const items: ItemResult[] = [];
        for (const item of parsed.items) {
          items.push(await reader.readItem(item, { url: canonical, title: parsed.title, baseline: false }));
          onProgress?.(items.length, parsed.items.length);
        }
        await record(canonical, items);
        return { url: canonical, kind: 'feed', title: parsed.title, items };
      }
      const item = await reader.readPage(result.url, result.body);
      onProgress?.(1, 1);
      await record(canonical, [item]);
      return { url: canonical, kind: 'page', title: item.title, items: [item] };
    },
    quietArticleIds: (ids) => feedStore.quietArticleIds(ids),
  };
}
