// Quotes and attribution: every attributed span, its speaker, role, cue and kind.
import type { Entity, Paragraph, Quote, Sentence } from './types.js';

export function extractQuotes(
  _body: string,
  _paragraphs: readonly Paragraph[],
  _sentences: readonly Sentence[],
  _entities: readonly Entity[],
): Quote[] {
  return [];
}
