// Summaries: whole sentences of the article, chosen by position (the lead) for now.
import type { Entity, Paragraph, Sentence } from './types.js';

export interface SummaryInput {
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  entities: readonly Entity[];
}

/** The article's first sentences, up to `sentences` of them. */
export function summarize(input: SummaryInput, options: { sentences: number }): string[] {
  return input.sentences.slice(0, Math.max(1, options.sentences)).map((s) => s.text);
}
