// The sentence splitter scans char codes; these tests hold it to the regular-expression version it replaced.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEVER_END, SENTENCE_STARTERS, segment, splitParagraphs } from '../../src/nlp/sentences.js';
import type { Sentence } from '../../src/nlp/types.js';

// The reference: boundary candidates, the words around them, white space, all by regular expression.
const BOUNDARY = /(?<![.!?…])[.!?…]+["'\u201d\u2019\u00bb)\]]*(?=\s)/g;

function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.&'-]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, end);
}

function firstWordAfter(text: string, from: number): string {
  const m = /^\s*["'\u201c\u2018(\u00ab[]*([\p{L}\p{N}]+)/u.exec(text.slice(from, from + 60));
  return m?.[1] ?? '';
}

function endsSentence(text: string, markStart: number, end: number): boolean {
  const mark = text.slice(markStart, end);
  const next = firstWordAfter(text, end);
  if (!next) return false;
  const nextUpper = /[\p{Lu}\p{N}]/u.test(next[0] ?? '');
  if (!mark.startsWith('.') || mark.startsWith('..') || mark.startsWith('…')) return nextUpper;
  if (!nextUpper) return false;
  const bare = wordBefore(text, markStart).replace(/^['-]+/, '');
  if (NEVER_END.has(bare.toLowerCase())) return false;
  if (/^\p{Lu}$/u.test(bare)) return false;
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) return SENTENCE_STARTERS.has(next.toLowerCase());
  return true;
}

function referenceSentences(body: string, start: number, end: number, paragraph: number): Sentence[] {
  const text = body.slice(start, end);
  const out: Sentence[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ paragraph, start: start + s, end: start + e, text: text.slice(s, e) });
  };
  for (const m of text.matchAll(BOUNDARY)) {
    const markEnd = m.index + m[0].length;
    if (endsSentence(text, m.index, markEnd)) {
      push(from, markEnd);
      from = markEnd;
    }
  }
  push(from, text.length);
  return out;
}

/** Pieces that exercise marks, closers, openers, initials, white space of every kind and astral letters. */
const PIECES = [
  'Mr',
  'Gen',
  'no',
  'U.S',
  'A',
  'b',
  'The',
  'they',
  'é',
  'É',
  '\ud835\udc00',
  '\ud800',
  '1',
  '²',
  '.',
  '!',
  '?',
  '…',
  '"',
  "'",
  '”',
  '’',
  '»',
  ')',
  ']',
  '“',
  '‘',
  '(',
  '«',
  '[',
  ' ',
  '\n',
  '\n\n',
  '\r\n\r\n',
  '\t',
  '\u00a0',
  '\u2028',
  '&',
  '-',
  'x'.repeat(70),
  ' '.repeat(59),
];

/** Sentence-like text: word, marks, closers, white space, openers, word, in every combination. */
const WORDS = [
  'Mr',
  'Gen',
  'no',
  'U.S',
  'D.C',
  'J',
  'x',
  'Word',
  'word',
  'They',
  'they',
  'É',
  'é',
  '\ud835\udc00',
  '12',
  '²',
];
const MARKS = ['', '.', '..', '!', '?', '…', '.!', '?.'];
const CLOSERS = ['', '"', "'", '”', '’', '»', ')', ']', '”)', ' '];
const SPACES = ['', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '\n\n', ' '.repeat(58)];
const OPENERS = ['', '"', "'", '“', '‘', '(', '«', '[', '“(', '-'];
const sentenceLike = fc
  .array(
    fc
      .tuple(
        fc.constantFrom(...WORDS),
        fc.constantFrom(...MARKS),
        fc.constantFrom(...CLOSERS),
        fc.constantFrom(...SPACES),
        fc.constantFrom(...OPENERS),
      )
      .map((parts) => parts.join('')),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('segment against the regular-expression splitter', () => {
  it('finds the same sentences in sentence-like text', () => {
    fc.assert(
      fc.property(sentenceLike, (body) => {
        const expected: Sentence[] = [];
        const { paragraphs, sentences } = segment(body);
        for (const p of paragraphs) for (const s of referenceSentences(body, p.start, p.end, p.index)) expected.push(s);
        expect(sentences).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same sentences in any text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 30 });
    fc.assert(
      fc.property(text, (parts) => {
        const body = parts.join('');
        const { paragraphs, sentences } = segment(body);
        expect(paragraphs).toEqual(splitParagraphs(body));
        const expected: Sentence[] = [];
        for (const p of paragraphs) for (const s of referenceSentences(body, p.start, p.end, p.index)) expected.push(s);
        expect(sentences).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
