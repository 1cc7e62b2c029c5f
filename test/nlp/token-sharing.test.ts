// Entities tokenize each paragraph once and hand the tokens on to attribution: the reading is the same either way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleParagraphs } from '../../src/nlp/boilerplate.js';
import { entityReading, extractEntities } from '../../src/nlp/entities.js';
import { extractQuotes } from '../../src/nlp/quotes.js';
import { segment, splitParagraphs } from '../../src/nlp/sentences.js';
import { tokenize } from '../../src/nlp/tokens.js';

const seed = readFileSync(new URL('../../content/articles/2024-02-13-trump-nato.md', import.meta.url), 'utf8').replace(
  /^---[\s\S]*?---\n/,
  '',
);

describe('tokens shared between entities and attribution', () => {
  it('gives each sentence and paragraph its own tokens', () => {
    const { paragraphs, sentences } = segment(seed, articleParagraphs(splitParagraphs(seed)));
    const reading = entityReading(extractEntities(seed, paragraphs, sentences, []));
    expect(reading?.tokens).toEqual(sentences.map((s) => tokenize(seed, s.start, s.end)));
    expect(reading?.byParagraph?.size).toBe(paragraphs.length);
    for (const p of paragraphs) expect(reading?.byParagraph?.get(p)).toEqual(tokenize(seed, p.start, p.end));
  });

  it('finds the same quotes whether attribution reuses the paragraph tokens or regroups sentence tokens', () => {
    const { paragraphs, sentences } = segment(seed, articleParagraphs(splitParagraphs(seed)));
    const entities = extractEntities(seed, paragraphs, sentences, []);
    const shared = extractQuotes(seed, paragraphs, sentences, entities);
    // A copy of the paragraph list is not the list the entities read: attribution regroups sentence tokens.
    const regrouped = extractQuotes(
      seed,
      paragraphs.map((p) => ({ ...p })),
      sentences,
      entities,
    );
    expect(shared.length).toBeGreaterThan(10);
    expect(regrouped).toEqual(shared);
  });

  it('tokenizes a sentence on its own when a token crosses its edge', () => {
    const body = 'Ana Lopez said it was fine. Bob Reyes disagreed.';
    const paragraphs = splitParagraphs(body);
    // Sentences cut inside words: their tokens are not slices of the paragraph's.
    const sentences = [
      { paragraph: 1, start: 0, end: 6, text: body.slice(0, 6) },
      { paragraph: 1, start: 6, end: body.length, text: body.slice(6) },
    ];
    const reading = entityReading(extractEntities(body, paragraphs, sentences, []));
    expect(reading?.tokens).toEqual(sentences.map((s) => tokenize(body, s.start, s.end)));
    expect(reading?.byParagraph).toBeUndefined();
  });
});
