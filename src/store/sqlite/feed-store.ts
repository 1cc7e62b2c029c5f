// The SQLite feed store: feeds, feed_items, quiet_articles and ingest_outcomes (migration 003) on the article store's database.
import type Database from 'better-sqlite3';
import { type FeedRow, type FeedState, type FeedStore, MAX_OUTCOME_ROWS, type OutcomeRow } from '../feeds.js';

interface FeedDbRow {
  url: string;
  title: string | null;
  interval_sec: number;
  enabled: number;
  disabled_reason: string | null;
  failures: number;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  baseline_done: number;
  added_at: number;
  added_by: string | null;
  last_fetched_at: number | null;
  last_ok_at: number | null;
  next_fetch_at: number;
}

interface OutcomeDbRow {
  at: number;
  source: string;
  item: string;
  article_id: string | null;
  outcome: OutcomeRow['outcome'];
  reason: string | null;
}

const u = <T>(v: T | null): T | undefined => v ?? undefined;

function toFeed(row: FeedDbRow): FeedRow {
  return {
    url: row.url,
    title: u(row.title),
    intervalSec: row.interval_sec,
    enabled: row.enabled === 1,
    disabledReason: u(row.disabled_reason),
    failures: row.failures,
    lastError: u(row.last_error),
    etag: u(row.etag),
    lastModified: u(row.last_modified),
    baselineDone: row.baseline_done === 1,
    addedAt: row.added_at,
    addedBy: u(row.added_by),
    lastFetchedAt: u(row.last_fetched_at),
    lastOkAt: u(row.last_ok_at),
    nextFetchAt: row.next_fetch_at,
  };
}

/** Feed storage on an open SQLite database whose migrations (003_feeds.sql) have been applied. */
export function createSqliteFeedStore(db: Database.Database): FeedStore {
  const stmt = {
    get: db.prepare<[string], FeedDbRow>('SELECT * FROM feeds WHERE url = ?'),
    insert: db.prepare(
      `INSERT INTO feeds (url, interval_sec, added_at, added_by, next_fetch_at) VALUES (@url, @interval_sec, @now, @added_by, @now)`,
    ),
    reenable: db.prepare(
      `UPDATE feeds SET enabled = 1, disabled_reason = NULL, failures = 0, interval_sec = @interval_sec, next_fetch_at = @now
       WHERE url = @url`,
    ),
    list: db.prepare<[], FeedDbRow>('SELECT * FROM feeds ORDER BY added_at, url'),
    remove: db.prepare<[string]>('DELETE FROM feeds WHERE url = ?'),
    due: db.prepare<[number, number], FeedDbRow>(
      'SELECT * FROM feeds WHERE enabled = 1 AND next_fetch_at <= ? ORDER BY next_fetch_at, url LIMIT ?',
    ),
    save: db.prepare(
      `UPDATE feeds SET title = @title, interval_sec = @interval_sec, enabled = @enabled, disabled_reason = @disabled_reason,
       failures = @failures, last_error = @last_error, etag = @etag, last_modified = @last_modified,
       baseline_done = @baseline_done, last_fetched_at = @last_fetched_at, last_ok_at = @last_ok_at,
       next_fetch_at = @next_fetch_at WHERE url = @url`,
    ),
    seen: db.prepare<[string, string], { article_id: string; item_hash: string }>(
      'SELECT article_id, item_hash FROM feed_items WHERE source = ? AND item_key = ?',
    ),
    remember: db.prepare(
      `INSERT INTO feed_items (source, item_key, article_id, item_hash, first_seen_at, last_seen_at)
       VALUES (@source, @item_key, @article_id, @item_hash, @now, @now)
       ON CONFLICT (source, item_key) DO UPDATE SET article_id = excluded.article_id, item_hash = excluded.item_hash,
       last_seen_at = excluded.last_seen_at`,
    ),
    quiet: db.prepare('INSERT OR IGNORE INTO quiet_articles (article_id, reason, at) VALUES (?, ?, ?)'),
    outcome: db.prepare(
      'INSERT INTO ingest_outcomes (at, source, item, article_id, outcome, reason) VALUES (@at, @source, @item, @article_id, @outcome, @reason)',
    ),
    prune: db.prepare<[number]>('DELETE FROM ingest_outcomes WHERE seq <= (SELECT max(seq) FROM ingest_outcomes) - ?'),
  };

  const addFeed = db.transaction(
    (feed: { url: string; intervalSec: number; addedBy?: string; now: number }): 'added' | 'enabled' | 'exists' => {
      const existing = stmt.get.get(feed.url);
      const params = { url: feed.url, interval_sec: feed.intervalSec, now: feed.now, added_by: feed.addedBy ?? null };
      if (!existing) {
        stmt.insert.run(params);
        return 'added';
      }
      stmt.reenable.run(params);
      return existing.enabled === 1 ? 'exists' : 'enabled';
    },
  );

  const recordOutcomes = db.transaction((rows: OutcomeRow[]) => {
    for (const r of rows) {
      stmt.outcome.run({
        at: r.at,
        source: r.source,
        item: r.item,
        article_id: r.articleId ?? null,
        outcome: r.outcome,
        reason: r.reason ?? null,
      });
    }
    stmt.prune.run(MAX_OUTCOME_ROWS);
  });

  return {
    async addFeed(feed) {
      return addFeed(feed);
    },
    async getFeed(url) {
      const row = stmt.get.get(url);
      return row ? toFeed(row) : undefined;
    },
    async listFeeds() {
      return stmt.list.all().map(toFeed);
    },
    async removeFeed(url) {
      return stmt.remove.run(url).changes > 0;
    },
    async dueFeeds(now, limit) {
      return stmt.due.all(now, limit).map(toFeed);
    },
    async saveFeedState(url, state: FeedState) {
      stmt.save.run({
        url,
        title: state.title ?? null,
        interval_sec: state.intervalSec,
        enabled: state.enabled ? 1 : 0,
        disabled_reason: state.disabledReason ?? null,
        failures: state.failures,
        last_error: state.lastError ?? null,
        etag: state.etag ?? null,
        last_modified: state.lastModified ?? null,
        baseline_done: state.baselineDone ? 1 : 0,
        last_fetched_at: state.lastFetchedAt ?? null,
        last_ok_at: state.lastOkAt ?? null,
        next_fetch_at: state.nextFetchAt,
      });
    },
    async seenItem(source, itemKey) {
      const row = stmt.seen.get(source, itemKey);
      return row ? { articleId: row.article_id, itemHash: row.item_hash } : undefined;
    },
    async rememberItem(source, itemKey, item, now) {
      stmt.remember.run({ source, item_key: itemKey, article_id: item.articleId, item_hash: item.itemHash, now });
    },
    async markQuiet(articleId, reason, now) {
      stmt.quiet.run(articleId, reason, now);
    },
    async quietArticleIds(articleIds) {
      if (articleIds.length === 0) return new Set();
      const out = new Set<string>();
      for (let i = 0; i < articleIds.length; i += 500) {
        const chunk = articleIds.slice(i, i + 500);
        const rows = db
          .prepare<string[], { article_id: string }>(
            `SELECT article_id FROM quiet_articles WHERE article_id IN (${chunk.map(() => '?').join(', ')})`,
          )
          .all(...chunk);
        for (const r of rows) out.add(r.article_id);
      }
      return out;
    },
    async recordOutcomes(rows) {
      if (rows.length > 0) recordOutcomes(rows);
    },
    async recentOutcomes(limit, source) {
      const rows =
        source === undefined
          ? db
              .prepare<[number], OutcomeDbRow>(
                'SELECT at, source, item, article_id, outcome, reason FROM ingest_outcomes ORDER BY seq DESC LIMIT ?',
              )
              .all(limit)
          : db
              .prepare<[string, number], OutcomeDbRow>(
                'SELECT at, source, item, article_id, outcome, reason FROM ingest_outcomes WHERE source = ? ORDER BY seq DESC LIMIT ?',
              )
              .all(source, limit);
      return rows.map((r) => ({
        at: r.at,
        source: r.source,
        item: r.item,
        articleId: u(r.article_id),
        outcome: r.outcome,
        reason: u(r.reason),
      }));
    },
  };
}
