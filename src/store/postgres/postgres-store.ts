// The Postgres store (pg): the same ports as SQLite, tsvector/GIN search, migrations under an advisory lock.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Article } from '../../article/schema.js';
import { type Clock, systemClock } from '../../clock.js';
import { StoreUnavailableError } from '../../errors.js';
import type { Analysis } from '../../nlp/types.js';
import { readMigrations } from '../migrations.js';
import type { ArticleMetaRow, QuoteHit, SentenceHit, StoredArticle, UpsertOutcome } from '../ports.js';
import {
  groupNames,
  nameRowsOf,
  type PackedAnalysis,
  packAnalysis,
  pickSuggestions,
  type QuoteRow,
  queryWords,
  toQuote,
  unpackAnalysis,
} from '../rows.js';
import type { Store } from '../store.js';
import { createPostgresSubscriptions } from './subscription-store.js';
import { guardUnavailable, isUnavailable } from './unavailable.js';

export interface PostgresStoreOptions {
  /** postgres://user:pass@host:port/db; `?options=-c search_path=x` picks a schema. */
  url: string;
  clock?: Clock;
  /** Connections in the pool. */
  poolSize?: number;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

interface ArticleRow {
  seq: string;
  id: string;
  title: string;
  date: string;
  source: string;
  url: string | null;
  author: string | null;
  origin: string;
  hash: string;
  topics: string[];
  summary: string[];
  ingested_at: string;
}

const META_COLUMNS = 'seq, id, title, date, source, url, author, origin, hash, topics, summary, ingested_at';
const QUOTE_COLUMNS = `q.idx, q.text, q.speaker, q.speaker_start, q.speaker_end, q.role, q.cue, q.kind, q.paragraph,
  q.start_offset, q.end_offset, a.id AS article_id, a.title, a.date, a.source, a.url`;

function toMeta(row: ArticleRow): ArticleMetaRow {
  return {
    id: row.id,
    title: row.title,
    date: row.date,
    source: row.source,
    url: row.url ?? undefined,
    author: row.author ?? undefined,
    origin: row.origin,
    hash: row.hash,
    ingestedAt: Number(row.ingested_at),
    topics: row.topics,
    summary: row.summary,
  };
}

/**
 * A tsquery matching any of the phrases, as SQL over numbered parameters (never the phrases themselves),
 * so no user text reaches the query syntax. Returns null when no phrase has a word.
 */
function anyPhrase(phrases: readonly string[], firstParam: number): { sql: string; params: string[] } | null {
  const params = [...new Set(phrases.map((p) => queryWords(p).join(' ')).filter(Boolean))];
  if (params.length === 0) return null;
  const sql = params.map((_, i) => `phraseto_tsquery('english', $${firstParam + i})`).join(' || ');
  return { sql: `(${sql})`, params };
}

/** Applies numbered migrations once; the advisory lock makes two processes starting at once take turns. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext(current_schema() || ':newsdesk:migrations'))");
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      for (const m of readMigrations(MIGRATIONS_DIR)) {
        if (applied.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext(current_schema() || ':newsdesk:migrations'))");
    }
  } finally {
    client.release();
  }
}

/** Connects to Postgres, applies its migrations, and returns the store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store & { readonly pool: pg.Pool }> {
  const clock = options.clock ?? systemClock;
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 5 });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  // Nor may a checked-out one's: pg-pool drops its idle listener while a transaction holds the client, and a
  // connection cut then is emitted as 'error' with no listener (an uncaught exception). The query in flight
  // still rejects (mapped to StoreUnavailableError) and the pool discards the broken client on release.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (isUnavailable(error)) {
      throw new StoreUnavailableError('cannot connect to the Postgres database in DATABASE_URL', { cause: error });
    }
    throw error;
  }

  let closed = false;

  const guard = guardUnavailable;

  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await pool.query<R>(sql, params)).rows;

  /** The newest quotes overlapping a sentence that matches the tsquery (SQL over $2…; $1 is the limit). */
  const quotesOverlapping = (tsquery: string, params: string[], limit: number): Promise<QuoteHit[]> =>
    guard('search', async () =>
      (
        await rows<QuoteRow>(
          `SELECT ${QUOTE_COLUMNS}, 0 AS rank FROM (
             SELECT q2.rowid AS qid, max(s.rowid) AS newest
             FROM sentences s JOIN quotes q2 ON q2.article_seq = s.article_seq
               AND q2.start_offset < s.end_offset AND q2.end_offset > s.start_offset
             WHERE s.tsv @@ ${tsquery} GROUP BY q2.rowid ORDER BY newest DESC LIMIT $1
           ) m JOIN quotes q ON q.rowid = m.qid JOIN articles a ON a.seq = q.article_seq ORDER BY m.newest DESC`,
          [limit, ...params],
        )
      ).map(toQuote),
    );

  async function writeArticle(client: pg.PoolClient, article: Article, analysis: Analysis): Promise<UpsertOutcome> {
    // Replicas ingesting the same article at once take turns on it.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('newsdesk:article:' || $1))", [article.id]);
    const existing = (
      await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM articles WHERE id = $1', [article.id])
    ).rows[0];
    if (existing?.hash === article.hash) return 'unchanged';
    const values = [
      article.id,
      article.title,
      article.date,
      article.source,
      article.url ?? null,
      article.author ?? null,
      article.origin,
      article.hash,
      article.body,
      JSON.stringify(packAnalysis(analysis)),
      JSON.stringify(analysis.topics),
      JSON.stringify(analysis.summary),
      clock.now(),
    ];
    let seq: string;
    if (existing) {
      seq = existing.seq;
      await client.query(
        `UPDATE articles SET id = $1, title = $2, date = $3, source = $4, url = $5, author = $6, origin = $7, hash = $8,
           body = $9, analysis = $10, topics = $11, summary = $12, ingested_at = $13 WHERE seq = $14`,
        [...values, seq],
      );
      await client.query('DELETE FROM sentences WHERE article_seq = $1', [seq]);
      await client.query('DELETE FROM quotes WHERE article_seq = $1', [seq]);
      await client.query('DELETE FROM names WHERE article_seq = $1', [seq]);
    } else {
      const inserted = await client.query<{ seq: string }>(
        `INSERT INTO articles (id, title, date, source, url, author, origin, hash, body, analysis, topics, summary, ingested_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING seq`,
        values,
      );
      seq = inserted.rows[0]?.seq ?? '';
    }
    const s = analysis.sentences;
    await client.query(
      `INSERT INTO sentences (article_seq, idx, paragraph, start_offset, end_offset, text)
       SELECT $1::bigint, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[])`,
      [
        seq,
        s.map((_, i) => i),
        s.map((x) => x.paragraph),
        s.map((x) => x.start),
        s.map((x) => x.end),
        s.map((x) => x.text),
      ],
    );
    const q = analysis.quotes;
    await client.query(
      `INSERT INTO quotes (article_seq, idx, text, speaker, speaker_start, speaker_end, role, cue, kind, paragraph, start_offset, end_offset)
       SELECT $1::bigint, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[],
         $10::int[], $11::int[], $12::int[])`,
      [
        seq,
        q.map((_, i) => i),
        q.map((x) => x.text),
        q.map((x) => x.speaker),
        q.map((x) => x.speakerStart),
        q.map((x) => x.speakerEnd),
        q.map((x) => x.role),
        q.map((x) => x.cue),
        q.map((x) => x.kind),
        q.map((x) => x.paragraph),
        q.map((x) => x.start),
        q.map((x) => x.end),
      ],
    );
    const n = nameRowsOf(analysis);
    await client.query(
      `INSERT INTO names (article_seq, name_lc, canonical, kind, role, mentions)
       SELECT $1::bigint, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
      [
        seq,
        n.map((x) => x.nameLc),
        n.map((x) => x.canonical),
        n.map((x) => x.kind),
        n.map((x) => x.role),
        n.map((x) => x.mentions),
      ],
    );
    return existing ? 'updated' : 'inserted';
  }

  return {
    ...createPostgresSubscriptions(pool, guard),
    kind: 'postgres',
    pool,
    async upsertArticle(article, analysis) {
      return guard('upsert', async () => {
        const current = await rows<{ hash: string }>('SELECT hash FROM articles WHERE id = $1', [article.id]);
        if (current[0]?.hash === article.hash) return 'unchanged';
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const outcome = await writeArticle(client, article, analysis);
          await client.query('COMMIT');
          return outcome;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    },
    async upsertArticles(items) {
      return guard('upsert', async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const outcomes: UpsertOutcome[] = [];
          for (const { article, analysis } of items) {
            const current = await client.query<{ hash: string }>('SELECT hash FROM articles WHERE id = $1', [
              article.id,
            ]);
            outcomes.push(
              current.rows[0]?.hash === article.hash ? 'unchanged' : await writeArticle(client, article, analysis),
            );
          }
          await client.query('COMMIT');
          return outcomes;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    },
    async articleHash(id) {
      return guard(
        'read',
        async () => (await rows<{ hash: string }>('SELECT hash FROM articles WHERE id = $1', [id]))[0]?.hash,
      );
    },
    async getArticle(id) {
      return guard('read', async () => {
        const row = (
          await rows<ArticleRow & { body: string; analysis: PackedAnalysis }>(
            `SELECT ${META_COLUMNS}, body, analysis FROM articles WHERE id = $1`,
            [id],
          )
        )[0];
        if (!row) return undefined;
        const stored: StoredArticle = {
          ...toMeta(row),
          body: row.body,
          analysis: unpackAnalysis(row.analysis, row.body),
        };
        return stored;
      });
    },
    async listArticles(opts = {}) {
      return guard('read', async () =>
        (
          await rows<ArticleRow>(
            `SELECT ${META_COLUMNS} FROM articles WHERE ingested_at >= $1
             ORDER BY date DESC, ingested_at DESC, seq DESC LIMIT $2 OFFSET $3`,
            [opts.since ?? 0, opts.limit ?? 50, opts.offset ?? 0],
          )
        ).map(toMeta),
      );
    },
    async countArticles() {
      return guard('read', async () =>
        Number((await rows<{ n: string }>('SELECT count(*) AS n FROM articles'))[0]?.n ?? 0),
      );
    },
    async searchSentences(terms, limit) {
      const q = anyPhrase(terms, 2);
      if (!q) return [];
      return guard('search', async () =>
        (
          await rows<{
            article_id: string;
            title: string;
            date: string;
            source: string;
            url: string | null;
            paragraph: number;
            index: number;
            text: string;
            start: number;
            end: number;
            rank: number;
          }>(
            `SELECT a.id AS article_id, a.title, a.date, a.source, a.url, s.paragraph, s.idx AS "index", s.text,
                    s.start_offset AS start, s.end_offset AS "end", -ts_rank(s.tsv, ${q.sql}) AS rank
             FROM sentences s JOIN articles a ON a.seq = s.article_seq
             WHERE s.tsv @@ ${q.sql} ORDER BY s.rowid DESC LIMIT $1`,
            [limit, ...q.params],
          )
        ).map(
          ({ article_id, url, rank, ...rest }): SentenceHit => ({
            ...rest,
            articleId: article_id,
            url: url ?? undefined,
            rank: Number(rank),
          }),
        ),
      );
    },
    async searchQuotes(terms, limit, mode = 'any') {
      const words = [...new Set(terms.flatMap(queryWords))];
      if (words.length === 0) return [];
      const q = `(${words.map((_, i) => `plainto_tsquery('english', $${i + 2})`).join(mode === 'all' ? ' && ' : ' || ')})`;
      return quotesOverlapping(q, words, limit);
    },
    async paragraphText(articleId, paragraph) {
      return guard('read', async () => {
        const row = (
          await rows<{ body: string; start: number | null; end: number | null }>(
            `SELECT a.body, min(s.start_offset) AS start, max(s.end_offset) AS "end"
             FROM articles a JOIN sentences s ON s.article_seq = a.seq WHERE a.id = $1 AND s.paragraph = $2
             GROUP BY a.body`,
            [articleId, paragraph],
          )
        )[0];
        if (!row || row.start === null || row.end === null) return undefined;
        return row.body.slice(row.start, row.end);
      });
    },
    async quotesMentioning(terms, limit) {
      const q = anyPhrase(terms, 2);
      return q ? quotesOverlapping(q.sql, q.params, limit) : [];
    },
    async findArticles(ref, limit) {
      return guard('read', async () => {
        const exact = await rows<ArticleRow>(`SELECT ${META_COLUMNS} FROM articles WHERE id = $1`, [
          ref.trim().toLowerCase(),
        ]);
        if (exact[0]) return [toMeta(exact[0])];
        const words = queryWords(ref);
        if (words.length === 0) return [];
        const like = words.map((_, i) => `strpos(lower(title || ' ' || id), $${i + 2}) > 0`).join(' AND ');
        return (
          await rows<ArticleRow>(
            `SELECT ${META_COLUMNS} FROM articles WHERE ${like} ORDER BY date DESC, seq DESC LIMIT $1`,
            [limit, ...words],
          )
        ).map(toMeta);
      });
    },
    async quotesBySpeaker(names, limit) {
      if (names.length === 0) return [];
      return guard('read', async () =>
        (
          await rows<QuoteRow>(
            `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq
             WHERE lower(q.speaker) = ANY($1::text[])
             ORDER BY a.date DESC, a.seq DESC, q.idx LIMIT $2`,
            [names.map((n) => n.toLowerCase()), limit],
          )
        ).map(toQuote),
      );
    },
    async quotesInArticles(articleIds) {
      if (articleIds.length === 0) return [];
      return guard('read', async () =>
        (
          await rows<QuoteRow>(
            `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq
             WHERE a.id = ANY($1::text[]) ORDER BY a.date DESC, a.seq DESC, q.idx`,
            [articleIds],
          )
        ).map(toQuote),
      );
    },
    async findNames(names) {
      const lc = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))];
      if (lc.length === 0) return [];
      return guard('read', async () => {
        const canon = (
          await rows<{ canonical: string }>(
            'SELECT DISTINCT canonical FROM names WHERE name_lc = ANY($1::text[]) LIMIT 50',
            [lc],
          )
        ).map((r) => r.canonical);
        if (canon.length === 0) return [];
        const found = await rows<{
          name_lc: string;
          canonical: string;
          kind: string;
          role: string | null;
          articles: number;
        }>(
          `SELECT name_lc, canonical, kind, max(role) AS role, count(DISTINCT article_seq)::int AS articles
           FROM names WHERE canonical = ANY($1::text[]) GROUP BY name_lc, canonical, kind`,
          [canon],
        );
        return groupNames(found);
      });
    },
    async suggestNames(prefix, limit, kind) {
      const p = prefix.trim().toLowerCase();
      return guard('read', async () => {
        const found = await rows<{ canonical: string; kind: string; role: string | null; articles: number }>(
          `SELECT canonical, kind, max(role) AS role, count(DISTINCT article_seq)::int AS articles FROM names
           WHERE starts_with(name_lc, $1) AND ($2::text IS NULL OR kind = $2)
           GROUP BY name_lc, canonical, kind ORDER BY articles DESC, canonical LIMIT 500`,
          [p, kind ?? null],
        );
        return pickSuggestions(found, limit);
      });
    },
    async listTopics(limit) {
      return guard('read', async () =>
        (
          await rows<{ canonical: string; articles: number }>(
            `SELECT canonical, max(n)::int AS articles FROM (
               SELECT name_lc, canonical, count(DISTINCT article_seq) AS n FROM names WHERE kind = 'topic'
               GROUP BY name_lc, canonical
             ) t GROUP BY canonical ORDER BY articles DESC, canonical LIMIT $1`,
            [limit],
          )
        ).map((r) => ({ name: r.canonical, kind: 'topic' as const, aliases: [], role: null, articles: r.articles })),
      );
    },
    async ping() {
      await guard('ping', () => pool.query('SELECT 1'));
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
