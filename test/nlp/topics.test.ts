// Topic mentions: the quick scan for a name's word never changes a count the name's matcher would give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countTopicMentions, nameMatcher, type TopicCatalog } from '../../src/nlp/topics.js';
import type { Paragraph } from '../../src/nlp/types.js';

/** The definition: every name's matcher run over the whole text, without the scan that skips names. */
function reference(paragraphs: readonly Paragraph[], catalog: TopicCatalog): Map<string, number> {
  const counts = new Map<string, number>();
  const text = paragraphs.map((p) => p.text).join('\n');
  for (const topic of catalog) {
    let n = 0;
    for (const name of [topic.name, ...topic.aliases]) n += text.match(nameMatcher(name))?.length ?? 0;
    if (n > 0) counts.set(topic.name, n);
  }
  return counts;
}

function paragraphsOf(...texts: string[]): Paragraph[] {
  return texts.map((text, i) => ({ index: i + 1, start: 0, end: text.length, text }));
}

const CATALOG: TopicCatalog = [
  { name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'the alliance'] },
  { name: 'North Korea', aliases: ['North Korean', 'Pyongyang'] },
  { name: 'Donald Trump', aliases: ['Trump', 'President Trump'] },
  { name: 'United States', aliases: ['U.S.', 'US'] },
  { name: 'Zürich', aliases: [] },
];

/** Names and their near misses: case, plurals, joined words, marks, the long s, other scripts. */
const PIECES = [
  'NATO',
  'Nato',
  'nato',
  'the alliance',
  'The  Alliance',
  'North',
  'NORTH',
  'Korea',
  'Korean',
  'Koreans',
  'korea\u0301',
  'Pyongyang',
  'Trump',
  'trump',
  'President',
  'Preſident',
  'ſ',
  'U.S.',
  'u.s',
  'US',
  'us',
  'Zürich',
  'ZÜRICH',
  'K',
  'İ',
  '𝐀',
  '1',
  ' ',
  '\n',
  '(',
  "'s",
  '-',
];

describe('countTopicMentions', () => {
  it('counts every name and alias of a topic', () => {
    const text = 'President Trump met NATO. Trump said the alliance and North Korea (Pyongyang) matter.';
    expect([...countTopicMentions(paragraphsOf(text), CATALOG)]).toEqual([
      ['NATO', 2],
      ['North Korea', 2],
      ['Donald Trump', 3],
    ]);
  });

  it('matches a name spelt with a long s, as the case-insensitive matcher does', () => {
    const counts = countTopicMentions(paragraphsOf('Preſident Trump spoke.'), CATALOG);
    expect(counts.get('Donald Trump')).toBe(2);
  });

  it('gives the counts of the matchers run on every name, for any text', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (texts) => {
        const paragraphs = paragraphsOf(...texts);
        expect([...countTopicMentions(paragraphs, CATALOG)]).toEqual([...reference(paragraphs, CATALOG)]);
      }),
      { numRuns: 2000 },
    );
  });
});
