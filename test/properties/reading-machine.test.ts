// Property tests of the reading machine: any text, however broken, is read without throwing, into consistent offsets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/nlp/analyse.js';
import type { Analysis } from '../../src/nlp/types.js';
import { REPO_CONTENT } from '../helpers/test-app.js';

/** Every invariant of a reading, checked against the body it came from. Throws with the first broken one. */
function checkReading(body: string, a: Analysis): void {
  const len = body.length;
  let prevEnd = -1;
  for (const p of a.paragraphs) {
    expect(p.start, 'paragraph start').toBeGreaterThanOrEqual(0);
    expect(p.start, 'paragraph start < end').toBeLessThan(p.end);
    expect(p.end, 'paragraph end').toBeLessThanOrEqual(len);
    expect(p.start, 'paragraphs ordered, not overlapping').toBeGreaterThanOrEqual(prevEnd);
    expect(p.text, 'paragraph text is the slice').toBe(body.slice(p.start, p.end));
    prevEnd = p.end;
  }
  expect(a.paragraphs.map((p) => p.index)).toEqual(a.paragraphs.map((_p, i) => i + 1));
  const paragraphByIndex = new Map(a.paragraphs.map((p) => [p.index, p]));
  prevEnd = -1;
  for (const s of a.sentences) {
    expect(s.start, 'sentence start').toBeGreaterThanOrEqual(0);
    expect(s.start, 'sentence start < end').toBeLessThan(s.end);
    expect(s.end, 'sentence end').toBeLessThanOrEqual(len);
    expect(s.start, 'sentences ordered, not overlapping').toBeGreaterThanOrEqual(prevEnd);
    expect(s.text, 'sentence text is the slice').toBe(body.slice(s.start, s.end));
    const p = paragraphByIndex.get(s.paragraph);
    expect(p, 'sentence in a known paragraph').toBeDefined();
    if (p) {
      expect(s.start, 'sentence inside its paragraph').toBeGreaterThanOrEqual(p.start);
      expect(s.end, 'sentence inside its paragraph').toBeLessThanOrEqual(p.end);
    }
    prevEnd = s.end;
  }
  for (const q of a.quotes) {
    expect(q.start, 'quote start').toBeGreaterThanOrEqual(0);
    expect(q.start, 'quote start < end').toBeLessThan(q.end);
    expect(q.end, 'quote end').toBeLessThanOrEqual(len);
    expect(q.text, 'quote text is the slice').toBe(body.slice(q.start, q.end));
    const both = q.speakerStart !== null && q.speakerEnd !== null;
    const neither = q.speakerStart === null && q.speakerEnd === null;
    expect(both || neither, 'speakerStart/End both set or both null').toBe(true);
    if (q.speakerStart !== null && q.speakerEnd !== null) {
      expect(q.speakerStart).toBeGreaterThanOrEqual(0);
      expect(q.speakerStart).toBeLessThan(q.speakerEnd);
      expect(q.speakerEnd).toBeLessThanOrEqual(len);
    }
    expect(Number.isInteger(q.paragraph)).toBe(true);
  }
  expect(a.summaryParagraphs?.length, 'a paragraph for each summary line').toBe(a.summary.length);
  a.summary.forEach((line, i) => {
    expect(typeof line).toBe('string');
    expect(line.trim().length, 'summary sentence is not empty').toBeGreaterThan(0);
    // A line is pieces of its paragraph, in order: compression cuts, it never adds or rewrites.
    const p = paragraphByIndex.get(a.summaryParagraphs?.[i] ?? -1);
    expect(p, 'summary line cites a known paragraph').toBeDefined();
    const words = (t: string): string[] => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const source = words(p?.text ?? '');
    let at = 0;
    for (const w of words(line)) {
      at = source.indexOf(w, at) + 1;
      expect(at, `summary word "${w}" in order in its paragraph`).toBeGreaterThan(0);
    }
  });
  for (const t of a.topics) expect(typeof t).toBe('string');
  for (const e of a.entities) expect(e.name.length).toBeGreaterThan(0);
}

function readsCleanly(body: string): Analysis {
  const a = analyseText(body);
  checkReading(body, a);
  return a;
}

/** Characters and short pieces the reading machine treats specially, mixed with random code points. */
const SPECIAL = [
  '\u201c',
  '\u201d',
  '"',
  '\u00ab',
  '\u00bb',
  '\u2018',
  '\u2019',
  "'",
  '\u201e',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\n \n',
  '\t',
  '\u00a0',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0301',
  '\u0327',
  '\u202e',
  '\u200f',
  '\u05e9\u05dc\u05d5\u05dd',
  '\u0645\u0631\u062d\u0628\u0627',
  '\ud83d\ude00',
  '\ud834\udd1e',
  '\u0000',
  '\u001b[2J',
  '\u0007',
  '\u0085',
  '\u2028',
  '.',
  '!',
  '?',
  '\u2026',
  ',',
  ':',
  ';',
  '(',
  ')',
  '\u2014',
  '-',
  ' ',
  '  ',
];
const WORDS = [
  'Mr.',
  'Dr.',
  'U.S.',
  'F.',
  'said',
  'says',
  'told',
  'added',
  'according to',
  'John',
  'Smith',
  'Kelly',
  'NATO',
  'he',
  'she',
  'they',
  'The',
  'the',
  'and',
  'a.',
  'A.',
  'who',
  'spokesman',
  'former',
  "Smith's",
  'By',
  'Reuters',
  '(pictured)',
  'Label:',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).map((w) => ` ${w}`) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
);
const chaoticText = fc.array(piece, { maxLength: 120 }).map((parts) => parts.join(''));

const name = fc.constantFrom('John Smith', 'Kelly', 'Mr. Bolton', 'the spokesman', 'NATO', 'she', 'A. B. Cole', '');
const open = fc.constantFrom('\u201c', '"', '\u00ab', '\u2018', "'", '\u201e', '');
const close = fc.constantFrom('\u201d', '"', '\u00bb', '\u2019', "'", '\u201c', '');
const words = fc.array(fc.constantFrom('we', 'will', 'win', 'Peace', 'talks', 'failed', 'U.S.', 'here', 'a.'), {
  minLength: 0,
  maxLength: 12,
});
/** Sentences shaped like news attribution, with their quote marks often unbalanced or nested. */
const newsSentence = fc.oneof(
  fc.tuple(open, words, close, name).map(([o, w, c, n]) => `${o}${w.join(' ')},${c} ${n} said.`),
  fc
    .tuple(name, open, words, open, words, close, close)
    .map(([n, o1, w1, o2, w2, c1, c2]) => `${n} said: ${o1}${w1.join(' ')} ${o2}${w2.join(' ')}${c1}.${c2}`),
  fc.tuple(name, words).map(([n, w]) => `According to ${n}, ${w.join(' ')}.`),
  fc.tuple(words, name).map(([w, n]) => `${w.join(' ')} \u2014 ${n} told reporters \u2014 ${w.join(' ')}`),
);
const newsText = fc
  .array(fc.array(newsSentence, { minLength: 1, maxLength: 5 }), { maxLength: 6 })
  .chain((paragraphs) =>
    fc
      .constantFrom('\n\n', '\r\n\r\n', '\r\r', '\n\n\n\n\n', '\n \t\n', '\n')
      .map((sep) => paragraphs.map((p) => p.join(' ')).join(sep)),
  );

describe('the reading machine on random text (fast-check)', () => {
  it('never throws and keeps every offset consistent on chaotic Unicode, quote marks and control characters', () => {
    fc.assert(
      fc.property(chaoticText, (body) => {
        readsCleanly(body);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and keeps every offset consistent on news-shaped text with unbalanced and nested quotes', () => {
    fc.assert(
      fc.property(newsText, (body) => {
        readsCleanly(body);
      }),
      { numRuns: 300 },
    );
  });

  it('reads random code points (astral planes and lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 50 }), (a, b) => {
        readsCleanly(`${a}\n\n${b}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the reading machine on edge-case articles', () => {
  const seed = readFileSync(join(REPO_CONTENT, 'articles', '2024-02-13-trump-nato.md'), 'utf8').replace(
    /^---[\s\S]*?\n---\n/,
    '',
  );

  it.each([
    ['empty text', ''],
    ['only whitespace', ' \n\t\r\n \u00a0 '],
    ['only quote marks', '\u201c\u201d"\u00ab\u00bb\u2018\u2019\'\u201e'],
    ['one unclosed quote', '\u201cWe will win, said John Smith. And then nothing closes.'],
    ['a lone surrogate', '\ud800 He said \udc00.'],
    ['control characters', 'He said \u0000\u0001\u0007\u001b[31m"stop"\u001b[0m.\u0008\u007f'],
    ['CRLF paragraphs', '"We won," Smith said.\r\n\r\nKelly told reporters: "No."\r\n'],
    ['lone CR paragraphs', '"We won," Smith said.\r\rKelly told reporters: "No."\r'],
    ['many blank lines', `First line.${'\n'.repeat(5000)}"Last," she said.`],
    ['zero-width joiners everywhere', '\u201cWe\u200d will\u200b win\u201d, Smith\u200d said.'],
  ])('%s: read without throwing, offsets consistent', (_name, body) => {
    readsCleanly(body);
  });

  it('a 10,000-word sentence', () => {
    const words = Array.from({ length: 10_000 }, (_v, i) => (i % 7 === 0 ? 'Smith' : 'word'));
    const body = `\u201c${words.join(' ')}\u201d, John Smith said.`;
    const a = readsCleanly(body);
    expect(a.sentences.length).toBeGreaterThan(0);
  });

  it('a 1 MB article (the seed article repeated) is read in well under a few seconds', () => {
    const body = seed.repeat(Math.ceil(1_000_000 / seed.length)).slice(0, 1_000_000);
    const start = performance.now();
    const a = readsCleanly(body);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(a.quotes.length).toBeGreaterThan(0);
    expect(a.summary.length).toBeGreaterThan(0);
  }, 30_000);
});
