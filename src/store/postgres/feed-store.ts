// The Postgres feed store: feeds, feed_items, quiet_articles and ingest_outcomes (migration 003) on the store's pool.
import type pg from 'pg';
import { type FeedRow, type FeedState, type FeedStore, MAX_OUTCOME_ROWS, type OutcomeRow } from '../feeds.js';
import { guardUnavailable } from './unavailable.js';

interface FeedDbRow {
  url: string;
  title: string | null;
  interval_sec: number;
  enabled: boolean;
  disabled_reason: string | null;
  failures: number;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  baseline_done: boolean;
  added_at: string;
  added_by: string | null;
  last_fetched_at: string | null;
  last_ok_at: string | null;
  next_fetch_at: string;
}

interface OutcomeDbRow {
  at: string;
  source: string;
  item: string;
  article_id: string | null;
  outcome: OutcomeRow['outcome'];
  reason: string | null;
}

const u = <T>(v: T | null): T | undefined => v ?? undefined;
/** BIGINT columns come back from pg as strings. */
const ms = (v: string | null): number | undefined => (v === null ? undefined : Number(v));

function toFeed(row: FeedDbRow): FeedRow {
  return {
    url: row.url,
    title: u(row.title),
    intervalSec: row.interval_sec,
    enabled: row.enabled,
    disabledReason: u(row.disabled_reason),
    failures: row.failures,
    lastError: u(row.last_error),
    etag: u(row.etag),
    lastModified: u(row.last_modified),
    baselineDone: row.baseline_done,
    addedAt: Number(row.added_at),
    addedBy: u(row.added_by),
    lastFetchedAt: ms(row.last_fetched_at),
    lastOkAt: ms(row.last_ok_at),
    nextFetchAt: Number(row.next_fetch_at),
  };
}

function toOutcome(row: OutcomeDbRow): OutcomeRow {
  return {
    at: Number(row.at),
    source: row.source,
    item: row.item,
    articleId: u(row.article_id),
    outcome: row.outcome,
    reason: u(row.reason),
  };
}

/** Runs `fn` in a transaction on one client of the pool. */
async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Feed storage on a Postgres pool whose migrations (003_feeds.sql) have been applied; same semantics as SQLite's. */
export function createPostgresFeedStore(pool: pg.Pool): FeedStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await pool.query<R>(sql, params)).rows;

  return {
    async addFeed(feed) {
      return guardUnavailable('add feed', () =>
        inTransaction(pool, async (client) => {
          // Two adds of the same URL at once take turns, so each sees the other's row (as SQLite's write lock does).
          await client.query("SELECT pg_advisory_xact_lock(hashtext('newsdesk:feed:' || $1))", [feed.url]);
          const [existing] = (
            await client.query<{ enabled: boolean }>('SELECT enabled FROM feeds WHERE url = $1', [feed.url])
          ).rows;
          if (!existing) {
            await client.query(
              `INSERT INTO feeds (url, interval_sec, added_at, added_by, next_fetch_at) VALUES ($1, $2, $3, $4, $3)`,
              [feed.url, feed.intervalSec, feed.now, feed.addedBy ?? null],
            );
            return 'added';
          }
          await client.query(
            `UPDATE feeds SET enabled = true, disabled_reason = NULL, failures = 0, interval_sec = $2, next_fetch_at = $3
             WHERE url = $1`,
            [feed.url, feed.intervalSec, feed.now],
          );
          return existing.enabled ? 'exists' : 'enabled';
        }),
      );
    },
    async getFeed(url) {
      return guardUnavailable('read feed', async () => {
        const [row] = await rows<FeedDbRow>('SELECT * FROM feeds WHERE url = $1', [url]);
        return row ? toFeed(row) : undefined;
      });
    },
    async listFeeds() {
      return guardUnavailable('list feeds', async () =>
        (await rows<FeedDbRow>('SELECT * FROM feeds ORDER BY added_at, url')).map(toFeed),
      );
    },
    async removeFeed(url) {
      return guardUnavailable('remove feed', async () => {
        const result = await pool.query('DELETE FROM feeds WHERE url = $1', [url]);
        return (result.rowCount ?? 0) > 0;
      });
    },
    async dueFeeds(now, limit) {
      return guardUnavailable('due feeds', async () =>
        (
          await rows<FeedDbRow>(
            'SELECT * FROM feeds WHERE enabled AND next_fetch_at <= $1 ORDER BY next_fetch_at, url LIMIT $2',
            [now, limit],
          )
        ).map(toFeed),
      );
    },
    async saveFeedState(url, state: FeedState) {
      await guardUnavailable('save feed', () =>
        pool.query(
          `UPDATE feeds SET title = $2, interval_sec = $3, enabled = $4, disabled_reason = $5, failures = $6,
             last_error = $7, etag = $8, last_modified = $9, baseline_done = $10, last_fetched_at = $11,
             last_ok_at = $12, next_fetch_at = $13
           WHERE url = $1`,
          [
            url,
            state.title ?? null,
            state.intervalSec,
            state.enabled,
            state.disabledReason ?? null,
            state.failures,
            state.lastError ?? null,
            state.etag ?? null,
            state.lastModified ?? null,
            state.baselineDone,
            state.lastFetchedAt ?? null,
            state.lastOkAt ?? null,
            state.nextFetchAt,
          ],
        ),
      );
    },
    async seenItem(source, itemKey) {
      return guardUnavailable('read feed item', async () => {
        const [row] = await rows<{ article_id: string; item_hash: string }>(
          'SELECT article_id, item_hash FROM feed_items WHERE source = $1 AND item_key = $2',
          [source, itemKey],
        );
        return row ? { articleId: row.article_id, itemHash: row.item_hash } : undefined;
      });
    },
    async rememberItem(source, itemKey, item, now) {
      await guardUnavailable('remember feed item', () =>
        pool.query(
          `INSERT INTO feed_items (source, item_key, article_id, item_hash, first_seen_at, last_seen_at)
           VALUES ($1, $2, $3, $4, $5, $5)
           ON CONFLICT (source, item_key) DO UPDATE SET article_id = excluded.article_id, item_hash = excluded.item_hash,
             last_seen_at = excluded.last_seen_at`,
          [source, itemKey, item.articleId, item.itemHash, now],
        ),
      );
    },
    async markQuiet(articleId, reason, now) {
      await guardUnavailable('mark quiet', () =>
        pool.query(
          'INSERT INTO quiet_articles (article_id, reason, at) VALUES ($1, $2, $3) ON CONFLICT (article_id) DO NOTHING',
          [articleId, reason, now],
        ),
      );
    },
    async quietArticleIds(articleIds) {
      if (articleIds.length === 0) return new Set();
      return guardUnavailable('read quiet articles', async () => {
        const found = await rows<{ article_id: string }>(
          'SELECT article_id FROM quiet_articles WHERE article_id = ANY($1::text[])',
          [articleIds],
        );
        return new Set(found.map((r) => r.article_id));
      });
    },
    async recordOutcomes(outcomes) {
      if (outcomes.length === 0) return;
      await guardUnavailable('record outcomes', () =>
        inTransaction(pool, async (client) => {
          // One writer at a time, so seq order is commit order and the cap counts committed rows.
          await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':newsdesk:outcomes'))");
          await client.query(
            `INSERT INTO ingest_outcomes (at, source, item, article_id, outcome, reason)
             SELECT at, source, item, article_id, outcome, reason
             FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
               WITH ORDINALITY AS o(at, source, item, article_id, outcome, reason, n)
             ORDER BY n`,
            [
              outcomes.map((r) => r.at),
              outcomes.map((r) => r.source),
              outcomes.map((r) => r.item),
              outcomes.map((r) => r.articleId ?? null),
              outcomes.map((r) => r.outcome),
              outcomes.map((r) => r.reason ?? null),
            ],
          );
          // By position, not by seq arithmetic: a BIGSERIAL has gaps (rolled-back inserts), SQLite's AUTOINCREMENT does not.
          await client.query(
            `DELETE FROM ingest_outcomes
             WHERE seq <= (SELECT seq FROM ingest_outcomes ORDER BY seq DESC OFFSET $1 LIMIT 1)`,
            [MAX_OUTCOME_ROWS],
          );
        }),
      );
    },
    async recentOutcomes(limit, source) {
      const columns = 'SELECT at, source, item, article_id, outcome, reason FROM ingest_outcomes';
      return guardUnavailable('read outcomes', async () =>
        (source === undefined
          ? await rows<OutcomeDbRow>(`${columns} ORDER BY seq DESC LIMIT $1`, [limit])
          : await rows<OutcomeDbRow>(`${columns} WHERE source = $1 ORDER BY seq DESC LIMIT $2`, [source, limit])
        ).map(toOutcome),
      );
    },
  };
}
