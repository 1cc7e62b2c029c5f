// The SQLite store (better-sqlite3, FTS5): the default, one file under DATA_DIR.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Article } from '../../article/schema.js';
import { type Clock, systemClock } from '../../clock.js';
import { StoreUnavailableError } from '../../errors.js';
import type { Analysis } from '../../nlp/types.js';
import { readMigrations } from '../migrations.js';
import type { ArticleMetaRow, QuoteHit, SentenceHit, StoredArticle, UpsertOutcome } from '../ports.js';
import {
  ftsAnyPhrase,
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
import type { SubscriptionStore } from '../subscriptions.js';
import { createSqliteSubscriptions } from './subscription-store.js';

export interface SqliteStoreOptions {
  /** Database file; ':memory:' for a throwaway store. */
  path: string;
  clock?: Clock;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** SQLite result codes that mean the file cannot be used right now, not that a statement is wrong. */
const UNAVAILABLE_CODES = /SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|CORRUPT|FULL|READONLY|NOTADB)/;

interface ArticleRow {
  seq: number;
  id: string;
  title: string;
  date: string;
  source: string;
  url: string | null;
  author: string | null;
  origin: string;
  hash: string;
  topics: string;
  summary: string;
  ingested_at: number;
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
    ingestedAt: row.ingested_at,
    topics: JSON.parse(row.topics) as string[],
    summary: JSON.parse(row.summary) as string[],
  };
}

/** Opens (creating if needed) a SQLite store and applies its migrations. */
export function createSqliteStore(options: SqliteStoreOptions): Store & { readonly db: Database.Database } {
  const clock = options.clock ?? systemClock;
  let db: Database.Database;
  try {
    // An unwritable or missing DATA_DIR, a read-only or locked file: the store is unavailable, and says where.
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path);
  } catch (error) {
    throw new StoreUnavailableError(`cannot open the SQLite database at ${options.path}`, { cause: error });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // 32 MB of page cache: the FTS index and the newest sentences stay hot, well within the memory budget.
    db.pragma('cache_size = -32000');
    migrate(db);
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
      throw new StoreUnavailableError(`cannot open the SQLite database at ${options.path} (${error.code})`, {
        cause: error,
      });
    }
    throw error;
  }

  const stmt = {
    hash: db.prepare<[string], { hash: string }>('SELECT hash FROM articles WHERE id = ?'),
    seqOf: db.prepare<[string], { seq: number }>('SELECT seq FROM articles WHERE id = ?'),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, title, date, source, url, author, origin, hash, body, analysis, topics, summary, ingested_at)
       VALUES (@id, @title, @date, @source, @url, @author, @origin, @hash, @body, @analysis, @topics, @summary, @ingested_at)`,
    ),
    updateArticle: db.prepare(
      `UPDATE articles SET title=@title, date=@date, source=@source, url=@url, author=@author, origin=@origin, hash=@hash,
       body=@body, analysis=@analysis, topics=@topics, summary=@summary, ingested_at=@ingested_at WHERE seq=@seq`,
    ),
    deleteSentences: db.prepare('DELETE FROM sentences WHERE article_seq = ?'),
    deleteQuotes: db.prepare('DELETE FROM quotes WHERE article_seq = ?'),
    deleteNames: db.prepare('DELETE FROM names WHERE article_seq = ?'),
    insertSentence: db.prepare(
      'INSERT INTO sentences (article_seq, idx, paragraph, start_offset, end_offset, text) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    // Done here, not by a trigger (migration 004): a trigger gives each INSERT a savepoint, where FTS5 flushes.
    indexSentence: db.prepare('INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)'),
    insertQuote: db.prepare(
      `INSERT INTO quotes (article_seq, idx, text, speaker, speaker_start, speaker_end, role, cue, kind, paragraph, start_offset, end_offset)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertName: db.prepare(
      'INSERT INTO names (article_seq, name_lc, canonical, kind, role, mentions) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    namesOf: db.prepare<[number], { name_lc: string; canonical: string; kind: string }>(
      'SELECT name_lc, canonical, kind FROM names WHERE article_seq = ?',
    ),
    indexName: db.prepare(
      `INSERT INTO name_index (name_lc, canonical, kind, role, articles) VALUES (?, ?, ?, ?, 1)
       ON CONFLICT (name_lc, canonical, kind) DO UPDATE SET articles = articles + 1, role = coalesce(name_index.role, excluded.role)`,
    ),
    unindexName: db.prepare(
      'UPDATE name_index SET articles = articles - 1 WHERE name_lc = ? AND canonical = ? AND kind = ?',
    ),
    // By key, not `WHERE articles <= 0` over the whole table: that scan made each update cost O(names in the archive).
    pruneName: db.prepare('DELETE FROM name_index WHERE name_lc = ? AND canonical = ? AND kind = ? AND articles <= 0'),
    getArticle: db.prepare<[string], ArticleRow & { body: string; analysis: string }>(
      `SELECT ${META_COLUMNS}, body, analysis FROM articles WHERE id = ?`,
    ),
    count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM articles'),
    paragraphSpan: db.prepare<[string, number], { body: string; start: number | null; end: number | null }>(
      `SELECT a.body, min(s.start_offset) AS start, max(s.end_offset) AS "end"
       FROM articles a JOIN sentences s ON s.article_seq = a.seq WHERE a.id = ? AND s.paragraph = ?`,
    ),
  };

  /** Writes one article's rows; the caller holds the transaction. */
  const write = (article: Article, analysis: Analysis): UpsertOutcome => {
    const existing = stmt.seqOf.get(article.id);
    const row = {
      id: article.id,
      title: article.title,
      date: article.date,
      source: article.source,
      url: article.url ?? null,
      author: article.author ?? null,
      origin: article.origin,
      hash: article.hash,
      body: article.body,
      analysis: JSON.stringify(packAnalysis(analysis)),
      topics: JSON.stringify(analysis.topics),
      summary: JSON.stringify(analysis.summary),
      ingested_at: clock.now(),
    };
    let seq: number;
    if (existing) {
      seq = existing.seq;
      stmt.updateArticle.run({ ...row, seq });
      stmt.deleteSentences.run(seq);
      stmt.deleteQuotes.run(seq);
      // Only the names just counted down can have reached zero.
      const names = stmt.namesOf.all(seq);
      for (const n of names) stmt.unindexName.run(n.name_lc, n.canonical, n.kind);
      for (const n of names) stmt.pruneName.run(n.name_lc, n.canonical, n.kind);
      stmt.deleteNames.run(seq);
    } else {
      seq = Number(stmt.insertArticle.run(row).lastInsertRowid);
    }
    analysis.sentences.forEach((s, i) => {
      const rowid = stmt.insertSentence.run(seq, i, s.paragraph, s.start, s.end, s.text).lastInsertRowid;
      stmt.indexSentence.run(rowid, s.text);
    });
    analysis.quotes.forEach((q, i) => {
      stmt.insertQuote.run(
        seq,
        i,
        q.text,
        q.speaker,
        q.speakerStart,
        q.speakerEnd,
        q.role,
        q.cue,
        q.kind,
        q.paragraph,
        q.start,
        q.end,
      );
    });
    for (const n of nameRowsOf(analysis)) {
      stmt.insertName.run(seq, n.nameLc, n.canonical, n.kind, n.role, n.mentions);
      stmt.indexName.run(n.nameLc, n.canonical, n.kind, n.role);
    }
    return existing ? 'updated' : 'inserted';
  };
  const writeArticle = db.transaction(write);

  /** The newest quotes overlapping a sentence that matches an FTS5 expression. */
  const quotesOverlapping = (match: string, limit: number): QuoteHit[] =>
    guard('search', () =>
      db
        .prepare<[string, number], QuoteRow>(
          // Ordered by the FTS rowid so SQLite streams the newest matches and stops at the limit.
          `SELECT ${QUOTE_COLUMNS}, 0 AS rank
           FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid
           JOIN quotes q ON q.article_seq = s.article_seq AND q.start_offset < s.end_offset AND q.end_offset > s.start_offset
           JOIN articles a ON a.seq = q.article_seq
           WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rowid DESC LIMIT ?`,
        )
        .all(match, limit * 2)
        .map(toQuote)
        .filter((q, i, all) => all.findIndex((o) => o.articleId === q.articleId && o.index === q.index) === i)
        .slice(0, limit),
    );

  /** Disk and lock failures, and a closed handle, mean the store is unavailable (not that the request is wrong). */
  const unavailable = (what: string, error: unknown): StoreUnavailableError | undefined => {
    if (error instanceof Database.SqliteError && UNAVAILABLE_CODES.test(error.code)) {
      return new StoreUnavailableError(`SQLite store: ${what} failed (${error.code})`, { cause: error });
    }
    if (!db.open) {
      return new StoreUnavailableError(`SQLite store: ${what} failed (the database is closed)`, { cause: error });
    }
    return undefined;
  };

  const guard = <T>(what: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw unavailable(what, error) ?? error;
    }
  };

  const subscriptions = createSqliteSubscriptions(db);
  /** The subscription methods with the same error mapping (claims and digests depend on it). */
  const guardedSubscriptions = Object.fromEntries(
    Object.entries(subscriptions).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>).apply(subscriptions, args);
        } catch (error) {
          throw unavailable(name, error) ?? error;
        }
      },
    ]),
  ) as unknown as SubscriptionStore;

  return {
    ...guardedSubscriptions,
    kind: 'sqlite',
    db,
    async upsertArticle(article, analysis) {
      return guard('upsert', () => {
        if (stmt.hash.get(article.id)?.hash === article.hash) return 'unchanged';
        return writeArticle(article, analysis);
      });
    },
    async upsertArticles(items) {
      return guard('upsert', () =>
        db.transaction(() =>
          items.map(({ article, analysis }) =>
            // write, not writeArticle: a savepoint per article would make FTS5 flush a tiny segment each time.
            stmt.hash.get(article.id)?.hash === article.hash ? 'unchanged' : write(article, analysis),
          ),
        )(),
      );
    },
    async articleHash(id) {
      return guard('read', () => stmt.hash.get(id)?.hash);
    },
    async getArticle(id) {
      return guard('read', () => {
        const row = stmt.getArticle.get(id);
        if (!row) return undefined;
        const stored: StoredArticle = {
          ...toMeta(row),
          body: row.body,
          analysis: unpackAnalysis(JSON.parse(row.analysis) as PackedAnalysis, row.body),
        };
        return stored;
      });
    },
    async listArticles(opts = {}) {
      return guard('read', () => {
        const rows = db
          .prepare<[number, number, number], ArticleRow>(
            `SELECT ${META_COLUMNS} FROM articles WHERE ingested_at >= ? ORDER BY date DESC, ingested_at DESC, seq DESC LIMIT ? OFFSET ?`,
          )
          .all(opts.since ?? 0, opts.limit ?? 50, opts.offset ?? 0);
        return rows.map(toMeta);
      });
    },
    async countArticles() {
      return guard('read', () => stmt.count.get()?.n ?? 0);
    },
    async searchSentences(terms, limit) {
      const match = ftsAnyPhrase(terms);
      if (!match) return [];
      return guard('search', () =>
        db
          .prepare<
            [string, number],
            Omit<SentenceHit, 'articleId' | 'url'> & { article_id: string; url: string | null }
          >(
            `SELECT a.id AS article_id, a.title, a.date, a.source, a.url, s.paragraph, s.idx AS "index", s.text,
                    s.start_offset AS start, s.end_offset AS "end",
                    bm25(sentences_fts) AS rank
             FROM sentences_fts JOIN sentences s ON s.rowid = sentences_fts.rowid JOIN articles a ON a.seq = s.article_seq
             WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rowid DESC LIMIT ?`,
          )
          .all(match, limit)
          .map(({ article_id, url, ...rest }) => ({ ...rest, articleId: article_id, url: url ?? undefined })),
      );
    },
    async searchQuotes(terms, limit, mode = 'any') {
      const words = [...new Set(terms.flatMap(queryWords))];
      if (words.length === 0) return [];
      return quotesOverlapping(words.map((w) => `"${w}"`).join(mode === 'all' ? ' AND ' : ' OR '), limit);
    },
    async quotesMentioning(terms, limit) {
      const match = ftsAnyPhrase(terms);
      return match ? quotesOverlapping(match, limit) : [];
    },
    async paragraphText(articleId, paragraph) {
      return guard('read', () => {
        const row = stmt.paragraphSpan.get(articleId, paragraph);
        if (!row || row.start === null || row.end === null) return undefined;
        return row.body.slice(row.start, row.end);
      });
    },
    async findArticles(ref, limit) {
      const exact = guard('read', () => stmt.getArticle.get(ref.trim().toLowerCase()));
      if (exact) return [toMeta(exact)];
      const words = queryWords(ref);
      if (words.length === 0) return [];
      const like = words.map(() => "lower(title || ' ' || id) LIKE ?").join(' AND ');
      return guard('read', () =>
        db
          .prepare<unknown[], ArticleRow>(
            `SELECT ${META_COLUMNS} FROM articles WHERE ${like} ORDER BY date DESC, seq DESC LIMIT ?`,
          )
          .all(...words.map((w) => `%${w}%`), limit)
          .map(toMeta),
      );
    },
    async quotesBySpeaker(names, limit) {
      if (names.length === 0) return [];
      const placeholders = names.map(() => '?').join(', ');
      return guard('read', () =>
        db
          .prepare<unknown[], QuoteRow>(
            `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq
             WHERE q.speaker COLLATE NOCASE IN (${placeholders})
             ORDER BY a.date DESC, a.seq DESC, q.idx LIMIT ?`,
          )
          .all(...names, limit)
          .map(toQuote),
      );
    },
    async quotesInArticles(articleIds) {
      if (articleIds.length === 0) return [];
      const placeholders = articleIds.map(() => '?').join(', ');
      return guard('read', () =>
        db
          .prepare<unknown[], QuoteRow>(
            `SELECT ${QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.seq = q.article_seq
             WHERE a.id IN (${placeholders}) ORDER BY a.date DESC, a.seq DESC, q.idx`,
          )
          .all(...articleIds)
          .map(toQuote),
      );
    },
    async findNames(names) {
      const lc = [...new Set(names.map((n) => n.trim().toLowerCase()).filter(Boolean))].slice(0, 100);
      if (lc.length === 0) return [];
      const placeholders = lc.map(() => '?').join(', ');
      return guard('read', () => {
        const canon = db
          .prepare<unknown[], { canonical: string }>(
            `SELECT DISTINCT canonical FROM name_index WHERE name_lc IN (${placeholders}) LIMIT 50`,
          )
          .all(...lc)
          .map((r) => r.canonical);
        if (canon.length === 0) return [];
        const cp = canon.map(() => '?').join(', ');
        const rows = db
          .prepare<
            unknown[],
            { name_lc: string; canonical: string; kind: string; role: string | null; articles: number }
          >(`SELECT name_lc, canonical, kind, role, articles FROM name_index WHERE canonical IN (${cp})`)
          .all(...canon);
        return groupNames(rows);
      });
    },
    async suggestNames(prefix, limit, kind) {
      const p = prefix.trim().toLowerCase();
      return guard('read', () => {
        const rows = db
          .prepare<
            [string, string, string | null, string | null],
            { canonical: string; kind: string; role: string | null; articles: number }
          >(
            `SELECT canonical, kind, role, articles FROM name_index
             WHERE name_lc >= ? AND name_lc < ? || char(1114111) AND (? IS NULL OR kind = ?)
             ORDER BY articles DESC, canonical LIMIT 500`,
          )
          .all(p, p, kind ?? null, kind ?? null);
        return pickSuggestions(rows, limit);
      });
    },
    async listTopics(limit) {
      return guard('read', () =>
        db
          .prepare<[number], { canonical: string; articles: number }>(
            `SELECT canonical, max(articles) AS articles FROM name_index WHERE kind = 'topic'
             GROUP BY canonical ORDER BY articles DESC, canonical LIMIT ?`,
          )
          .all(limit)
          .map((r) => ({ name: r.canonical, kind: 'topic' as const, aliases: [], role: null, articles: r.articles })),
      );
    },
    async ping() {
      guard('ping', () => db.prepare('SELECT 1').get());
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version),
  );
  for (const m of readMigrations(MIGRATIONS_DIR)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
  }
}
