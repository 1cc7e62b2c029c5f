// Store ports: what the rest of Newsdesk asks of a database. SQLite and Postgres implement them.
import type { Article } from '../article/schema.js';
import type { Analysis, Entity, Quote } from '../nlp/types.js';

/** An article's metadata as stored, without its body. */
export interface ArticleMetaRow {
  id: string;
  title: string;
  date: string;
  source: string;
  url?: string | undefined;
  author?: string | undefined;
  origin: string;
  hash: string;
  /** When Newsdesk stored this version (ms since epoch). */
  ingestedAt: number;
  topics: string[];
  summary: string[];
}

export interface StoredArticle extends ArticleMetaRow {
  body: string;
  analysis: Analysis;
}

/** A sentence found by full-text search. */
export interface SentenceHit {
  articleId: string;
  title: string;
  date: string;
  source: string;
  url?: string | undefined;
  paragraph: number;
  /** Position of the sentence in its article (0-based). */
  index: number;
  /** Offsets of the sentence in the article body. */
  start: number;
  end: number;
  text: string;
  /** Lower is better (bm25). */
  rank: number;
}

/** A stored quote with where it comes from. */
export interface QuoteHit extends Quote {
  articleId: string;
  title: string;
  date: string;
  source: string;
  url?: string | undefined;
  /** Position of the quote in its article (0-based). */
  index: number;
  /** Lower is better (bm25) when the hit comes from a search; 0 otherwise. */
  rank: number;
}

/** A known name: an entity or a topic, with how many articles mention it. */
export interface NameRow {
  name: string;
  kind: Entity['kind'] | 'topic';
  aliases: string[];
  role: string | null;
  articles: number;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

export interface ArticleStore {
  /** Which backend this is, for logs and /healthz. */
  readonly kind: 'sqlite' | 'postgres';
  /** Stores an article and its reading; unchanged when the hash is the one already stored. */
  upsertArticle(article: Article, analysis: Analysis): Promise<UpsertOutcome>;
  /** Stores several articles in one transaction (bulk ingest); each outcome as for upsertArticle. */
  upsertArticles(items: { article: Article; analysis: Analysis }[]): Promise<UpsertOutcome[]>;
  /** The stored content hash of an article, if any. */
  articleHash(id: string): Promise<string | undefined>;
  /** One article with its body and reading. */
  getArticle(id: string): Promise<StoredArticle | undefined>;
  /** Articles newest first (by date, then ingest time); `since` filters on ingest time. */
  listArticles(options?: { limit?: number; offset?: number; since?: number }): Promise<ArticleMetaRow[]>;
  /** How many articles are stored. */
  countArticles(): Promise<number>;
  /** The newest `limit` sentences naming any of the phrases (bounded work at any archive size), with their rank. */
  searchSentences(terms: string[], limit: number): Promise<SentenceHit[]>;
  /** The newest `limit` quotes whose words (or speaker) contain all, or any, of the words; for /whosaid. */
  searchQuotes(words: string[], limit: number, mode?: 'all' | 'any'): Promise<QuoteHit[]>;
  /** The verbatim text of one paragraph (1-based) of an article. */
  paragraphText(articleId: string, paragraph: number): Promise<string | undefined>;
  /** The newest `limit` quotes whose words name any of these phrases (a topic and its aliases). */
  quotesMentioning(terms: string[], limit: number): Promise<QuoteHit[]>;
  /** Articles by id, or whose title (or id) contains every word of `ref`, newest first. */
  findArticles(ref: string, limit: number): Promise<ArticleMetaRow[]>;
  /** Quotes whose speaker is one of these names (canonical or alias), newest first. */
  quotesBySpeaker(names: string[], limit: number): Promise<QuoteHit[]>;
  /** Quotes in the given articles, in article order. */
  quotesInArticles(articleIds: string[]): Promise<QuoteHit[]>;
  /** Entities and topics whose name or alias equals one of these (case-insensitive). */
  findNames(names: string[]): Promise<NameRow[]>;
  /** Names starting with a prefix (autocomplete), most mentioned first. */
  suggestNames(prefix: string, limit: number, kind?: NameRow['kind']): Promise<NameRow[]>;
  /** Every topic with its article count, most covered first. */
  listTopics(limit: number): Promise<NameRow[]>;
  /** Cheap liveness check of the connection. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
