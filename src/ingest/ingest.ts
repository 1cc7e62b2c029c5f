// Ingest: article -> reading -> store, skipping articles whose content hash is already stored.
import { type LoadProblem, listArticleFiles, loadArticleFiles } from '../article/load.js';
import { ArticleError } from '../article/parse.js';
import { type Article, MAX_ARTICLE_CHARS } from '../article/schema.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { analyseText, READING_VERSION } from '../nlp/analyse.js';
import type { TopicCatalog } from '../nlp/topics.js';
import type { ArticleStore, UpsertOutcome } from '../store/ports.js';

export type IngestOutcome = UpsertOutcome | 'failed';

/** Articles written per transaction in bulk ingest. */
const BATCH = 100;

export interface IngestReport {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  failed: LoadProblem[];
}

export interface Ingestor {
  /** Reads and stores one article; does not analyse it again when its hash is unchanged. */
  ingest(article: Article): Promise<UpsertOutcome>;
  /**
   * Reads and stores a batch in one transaction: a large backlog commits batch by batch, so an
   * interrupted run keeps what it committed and the next run skips it by hash.
   */
  ingestMany(articles: readonly Article[]): Promise<UpsertOutcome[]>;
  /** Ingests every article file in a folder; bad files are reported and the others still go in. */
  ingestDir(dir: string, onProgress?: (done: number, total: number) => void): Promise<IngestReport>;
}

export function createIngestor(options: { store: ArticleStore; topics: TopicCatalog; logger?: Logger }): Ingestor {
  const { store, topics, logger } = options;
  // The stored hash covers the text and the version of the reading machine that read it.
  const versioned = (article: Article): Article => ({ ...article, hash: `${article.hash}.r${READING_VERSION}` });
  // Every way in (files, feeds, pages, other callers) meets the same cap: refused with a reason, never cut.
  const refuseTooLarge = (article: Article): void => {
    if (article.body.length > MAX_ARTICLE_CHARS) {
      throw new ArticleError(
        article.origin,
        `too large (${article.body.length} characters; the limit is ${MAX_ARTICLE_CHARS})`,
      );
    }
  };
  const ingest = async (article: Article): Promise<UpsertOutcome> => {
    refuseTooLarge(article);
    const stored = versioned(article);
    if ((await store.articleHash(article.id)) === stored.hash) return 'unchanged';
    return store.upsertArticle(stored, analyseText(article.body, { topics }));
  };
  const ingestMany = async (articles: readonly Article[]): Promise<UpsertOutcome[]> => {
    const outcomes: UpsertOutcome[] = [];
    const todo: { index: number; article: Article }[] = [];
    for (const article of articles) refuseTooLarge(article);
    for (const [index, article] of articles.entries()) {
      const stored = versioned(article);
      if ((await store.articleHash(article.id)) === stored.hash) outcomes[index] = 'unchanged';
      else todo.push({ index, article: stored });
    }
    const written = await store.upsertArticles(
      todo.map(({ article }) => ({ article, analysis: analyseText(article.body, { topics }) })),
    );
    todo.forEach(({ index }, i) => {
      outcomes[index] = written[i] ?? 'unchanged';
    });
    return outcomes;
  };
  return {
    ingest,
    ingestMany,
    async ingestDir(dir, onProgress) {
      const report: IngestReport = { inserted: [], updated: [], unchanged: [], failed: [] };
      // Files are read a batch at a time, so a folder of any size is never all in memory at once.
      const paths = await listArticleFiles(dir);
      const seen = new Map<string, string>();
      let done = 0;
      for (let i = 0; i < paths.length; i += BATCH) {
        const { articles: batch, problems } = await loadArticleFiles(paths.slice(i, i + BATCH), seen);
        report.failed.push(...problems);
        for (const p of problems) logger?.warn({ path: p.path, reason: p.reason }, 'article skipped');
        done += problems.length;
        let outcomes: UpsertOutcome[] | undefined;
        try {
          outcomes = await ingestMany(batch);
        } catch (error) {
          // One bad article must not cost the batch: fall back to one transaction per article.
          logger?.warn({ err: error }, 'batch ingest failed; retrying article by article');
        }
        for (const [j, article] of batch.entries()) {
          try {
            const outcome = outcomes?.[j] ?? (await ingest(article));
            report[outcome].push(article.id);
          } catch (error) {
            report.failed.push({ path: article.origin, reason: errorMessage(error) });
            logger?.error({ path: article.origin, err: error }, 'article failed to ingest');
          }
          onProgress?.(++done, paths.length);
        }
      }
      return report;
    },
  };
}
