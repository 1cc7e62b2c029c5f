// Ingest: article -> reading -> store, skipping articles whose content hash is already stored.
import { type LoadProblem, loadArticleDir } from '../article/load.js';
import type { Article } from '../article/schema.js';
import { errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import { analyseText, READING_VERSION } from '../nlp/analyse.js';
import type { TopicCatalog } from '../nlp/topics.js';
import type { ArticleStore, UpsertOutcome } from '../store/ports.js';

export type IngestOutcome = UpsertOutcome | 'failed';

export interface IngestReport {
  inserted: string[];
  updated: string[];
  unchanged: string[];
  failed: LoadProblem[];
}

export interface Ingestor {
  /** Reads and stores one article; does not analyse it again when its hash is unchanged. */
  ingest(article: Article): Promise<UpsertOutcome>;
  /** Ingests every article file in a folder; bad files are reported and the others still go in. */
  ingestDir(dir: string, onProgress?: (done: number, total: number) => void): Promise<IngestReport>;
}

export function createIngestor(options: { store: ArticleStore; topics: TopicCatalog; logger?: Logger }): Ingestor {
  const { store, topics, logger } = options;
  const ingest = async (article: Article): Promise<UpsertOutcome> => {
    // The stored hash covers the text and the version of the reading machine that read it.
    const hash = `${article.hash}.r${READING_VERSION}`;
    if ((await store.articleHash(article.id)) === hash) return 'unchanged';
    const analysis = analyseText(article.body, { topics });
    return store.upsertArticle({ ...article, hash }, analysis);
  };
  return {
    ingest,
    async ingestDir(dir, onProgress) {
      const report: IngestReport = { inserted: [], updated: [], unchanged: [], failed: [] };
      const { articles, problems } = await loadArticleDir(dir);
      report.failed.push(...problems);
      for (const p of problems) logger?.warn({ path: p.path, reason: p.reason }, 'article skipped');
      let done = 0;
      for (const article of articles) {
        try {
          const outcome = await ingest(article);
          report[outcome].push(article.id);
        } catch (error) {
          report.failed.push({ path: article.origin, reason: errorMessage(error) });
          logger?.error({ path: article.origin, err: error }, 'article failed to ingest');
        }
        onProgress?.(++done, articles.length);
      }
      return report;
    },
  };
}
