// The reading machine: body text -> paragraphs, sentences, entities, quotes, topics, summary.
import { articleParagraphs } from './boilerplate.js';
import { extractEntities } from './entities.js';
import { extractQuotes } from './quotes.js';
import { segment, splitParagraphs } from './sentences.js';
import { summaryLines } from './summary.js';
import { articleTopics, type TopicCatalog } from './topics.js';
import type { Analysis } from './types.js';

/**
 * The version of the reading machine. Bump it whenever a change to src/nlp changes what is stored:
 * articles read by an older version are read again at the next ingest, even when their text is unchanged.
 */
export const READING_VERSION = 21;

export interface AnalyseOptions {
  /** Curated topics and aliases (content/topics.yaml). */
  topics?: TopicCatalog;
  /** Sentences in the stored summary. */
  summarySentences?: number;
}

/** Reads one article body. Pure and deterministic: the same body always gives the same reading. */
export function analyseText(body: string, options: AnalyseOptions = {}): Analysis {
  const catalog = options.topics ?? [];
  const { paragraphs, sentences } = segment(body, articleParagraphs(splitParagraphs(body)));
  const entities = extractEntities(body, paragraphs, sentences, catalog);
  const quotes = extractQuotes(body, paragraphs, sentences, entities);
  const topics = articleTopics(paragraphs, entities, catalog);
  const lines = summaryLines({ paragraphs, sentences, entities }, { sentences: options.summarySentences ?? 3 });
  return {
    paragraphs,
    sentences,
    entities,
    quotes,
    topics,
    summary: lines.map((l) => l.text),
    summaryParagraphs: lines.map((l) => l.paragraph),
  };
}
