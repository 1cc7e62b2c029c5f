// Feed store port: sources, the items they delivered, quiet (baseline) articles and item outcomes.

/** How many outcome rows a feed store keeps; older ones are dropped as new ones come in. */
export const MAX_OUTCOME_ROWS = 20_000;

/** A feed source as stored. Times are ms since the epoch. */
export interface FeedRow {
  url: string;
  title?: string | undefined;
  intervalSec: number;
  enabled: boolean;
  /** Why it was disabled (the last error after too many failures in a row). */
  disabledReason?: string | undefined;
  /** Failed polls in a row. */
  failures: number;
  lastError?: string | undefined;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Whether the first fetch (the quiet baseline) has been stored. */
  baselineDone: boolean;
  addedAt: number;
  addedBy?: string | undefined;
  lastFetchedAt?: number | undefined;
  lastOkAt?: number | undefined;
  nextFetchAt: number;
}

/** The mutable part of a feed, written back after each poll. */
export type FeedState = Omit<FeedRow, 'url' | 'addedAt' | 'addedBy'>;

export type ItemOutcome = 'ingested' | 'duplicate' | 'updated' | 'baseline' | 'failed';

export interface OutcomeRow {
  at: number;
  /** The feed URL, page URL or file the item came from. */
  source: string;
  /** The item's stable key (guid, link or title hash) or its title when it has none. */
  item: string;
  articleId?: string | undefined;
  outcome: ItemOutcome;
  reason?: string | undefined;
}

export interface SeenItem {
  articleId: string;
  itemHash: string;
}

export interface FeedStore {
  /** Adds a feed; an existing one is re-enabled (failures cleared) and its interval updated. */
  addFeed(feed: {
    url: string;
    intervalSec: number;
    addedBy?: string;
    now: number;
  }): Promise<'added' | 'enabled' | 'exists'>;
  /** One feed by URL. */
  getFeed(url: string): Promise<FeedRow | undefined>;
  /** Every feed, in the order they were added. */
  listFeeds(): Promise<FeedRow[]>;
  /** Removes a feed (its articles stay). True when it existed. */
  removeFeed(url: string): Promise<boolean>;
  /** Enabled feeds whose next fetch is due at `now`, soonest first. */
  dueFeeds(now: number, limit: number): Promise<FeedRow[]>;
  /** Writes a feed's state after a poll. */
  saveFeedState(url: string, state: FeedState): Promise<void>;
  /** What a source delivered before under this item key. */
  seenItem(source: string, itemKey: string): Promise<SeenItem | undefined>;
  /** Remembers an item a source delivered. */
  rememberItem(source: string, itemKey: string, item: SeenItem, now: number): Promise<void>;
  /** Marks an article as stored in a baseline: digests must not announce it. */
  markQuiet(articleId: string, reason: string, now: number): Promise<void>;
  /** Which of these article ids are quiet (baseline) articles. */
  quietArticleIds(articleIds: string[]): Promise<Set<string>>;
  /** Appends item outcomes (older rows beyond a cap are dropped). */
  recordOutcomes(rows: OutcomeRow[]): Promise<void>;
  /** The most recent outcomes, newest first, for one source or all. */
  recentOutcomes(limit: number, source?: string): Promise<OutcomeRow[]>;
}
