// Sentence and paragraph splitting: abbreviations, initials and quotes, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { segment, splitParagraphs } from '../../src/nlp/sentences.js';

function sentences(text: string): string[] {
  return segment(text).sentences.map((s) => s.text);
}

const cases: [string, string, string[]][] = [
  [
    'a title abbreviation does not split',
    'Gen. Paul Hart left early. He came back.',
    ['Gen. Paul Hart left early.', 'He came back.'],
  ],
  [
    'dotted initials do not split',
    'The U.S. Navy sent ships. The U.S. and Japan agreed.',
    ['The U.S. Navy sent ships.', 'The U.S. and Japan agreed.'],
  ],
  [
    '"U.S." before a sentence starter ends the sentence',
    'They left the U.S. They came back in May.',
    ['They left the U.S.', 'They came back in May.'],
  ],
  [
    'a suffix does not split',
    'Tom Reyes Jr. spoke first. Then Ana spoke.',
    ['Tom Reyes Jr. spoke first.', 'Then Ana spoke.'],
  ],
  [
    'a middle initial does not split',
    'John F. Hart wrote it. Nobody read it.',
    ['John F. Hart wrote it.', 'Nobody read it.'],
  ],
  [
    'a closing quote stays with its sentence',
    '“We are done.” She left the room.',
    ['“We are done.”', 'She left the room.'],
  ],
  ['a question mark ends a sentence', 'Is it over? Nobody knows.', ['Is it over?', 'Nobody knows.']],
];

describe('segment', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(sentences(text)).toEqual(expected);
    });
  }

  it('keeps offsets into the body', () => {
    const text = 'First one here. Second one.\n\nThird paragraph.';
    for (const s of segment(text).sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('splits paragraphs at blank lines', () => {
    expect(splitParagraphs('One.\n\nTwo.\n \nThree.').map((p) => p.text)).toEqual(['One.', 'Two.', 'Three.']);
  });
});
