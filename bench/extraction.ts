// Extraction throughput against a bare regex tokenization pass over the same texts, measured in one run.
import { readFileSync } from 'node:fs';
import { analyseText } from '../src/nlp/analyse.js';
import { articleParagraphs } from '../src/nlp/boilerplate.js';
import { extractEntities } from '../src/nlp/entities.js';
import { extractQuotes } from '../src/nlp/quotes.js';
import { segment, splitParagraphs } from '../src/nlp/sentences.js';

/** The floor that reading an article can not go below: one regex pass that splits it into tokens. */
const TOKEN_RE = /\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): RegExpMatchArray | null {
  return text.match(TOKEN_RE);
}

/** The attribution pipeline alone: segmentation, entities and quotes (no topics or summary). */
export function extract(text: string): unknown {
  const { paragraphs, sentences } = segment(text, articleParagraphs(splitParagraphs(text)));
  return extractQuotes(text, paragraphs, sentences, extractEntities(text, paragraphs, sentences, []));
}

/**
 * Articles per second of fn over texts on this one thread, in steady state: best of `rounds` after warm-up
 * rounds that last at least `warmupMs`. One warm-up pass is not enough: V8 takes seconds on a loaded machine
 * to optimize a function as large as extractQuotes, and until then every article runs unoptimized.
 */
export function throughput(texts: readonly string[], fn: (t: string) => unknown, rounds = 5, warmupMs = 3000): number {
  const warmupEnd = performance.now() + warmupMs;
  do for (const t of texts) fn(t);
  while (performance.now() < warmupEnd);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    const t0 = process.hrtime.bigint();
    for (const t of texts) fn(t);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return texts.length / best;
}

export interface ExtractionSpeed {
  /** Whole reading (`analyseText`): sentences, entities, quotes, topics, summary. */
  analyseArticlesPerSec: number;
  extractArticlesPerSec: number;
  tokenizeArticlesPerSec: number;
}

export function measureExtraction(texts: readonly string[]): ExtractionSpeed {
  return {
    tokenizeArticlesPerSec: throughput(texts, tokenize),
    analyseArticlesPerSec: throughput(texts, (t) => analyseText(t)),
    extractArticlesPerSec: throughput(texts, extract),
  };
}

export interface Row {
  id: string;
  text: string;
}

/** The id and text of each line of a JSON-lines file (the labelled sets in ../shared/data). */
export function readRows(path: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id?: unknown; text?: unknown };
    if ((typeof row.id === 'string' || typeof row.id === 'number') && typeof row.text === 'string') {
      rows.push({ id: String(row.id), text: row.text });
    }
  }
  return rows;
}
