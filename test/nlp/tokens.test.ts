// The tokenizer's hand-written scan gives exactly the tokens of the pattern that defines them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FilteredWordSet,
  isPossessive,
  moreSpaceSeparatedThan,
  startsWithLetterOrNumber,
  stripPossessive,
  tokenize,
  whiteSpaceSplitCount,
} from '../../src/nlp/tokens.js';

/** The definition: the pattern the scanner replaces, with the lower-case form of each token. */
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:[’'.&-]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;

function reference(body: string, start = 0, end = body.length) {
  const text = body.slice(start, end);
  return [...text.matchAll(TOKEN)].map((m) => ({
    start: start + m.index,
    end: start + m.index + m[0].length,
    text: m[0],
    lower: m[0].toLowerCase(),
  }));
}

/** Letters, marks, numbers of several scripts and planes, separators, spaces and lone surrogates. */
const PIECES = [
  'a',
  'Z',
  'é',
  'É',
  'ß',
  'İ',
  'ǅ',
  '\u0301',
  '1',
  '٣',
  '²',
  '½',
  'Ⅻ',
  '.',
  ',',
  ':',
  "'",
  '’',
  '&',
  '-',
  '—',
  ' ',
  '\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u200b',
  '"',
  '“',
  '\ud835\udc00',
  '\ud835\udfce',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  'Я',
  '中',
];

describe('tokenize', () => {
  it('splits words, numbers and punctuation with body offsets', () => {
    expect(tokenize('Trump’s U.S. re-elected 1,000 at 10:30.').map((t) => t.text)).toEqual([
      'Trump’s',
      'U.S',
      '.',
      're-elected',
      '1,000',
      'at',
      '10:30',
      '.',
    ]);
    expect(tokenize('say "Hi" now', 4, 8)).toEqual([
      { start: 4, end: 5, text: '"', lower: '"' },
      { start: 5, end: 7, text: 'Hi', lower: 'hi' },
      { start: 7, end: 8, text: '"', lower: '"' },
    ]);
  });

  it('gives the tokens of the defining pattern on any text and any span of it', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 20 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (parts, a, b) => {
        const body = parts.join('');
        expect(tokenize(body)).toEqual(reference(body));
        const start = body.length ? a % body.length : 0;
        const end = start + (body.length - start ? b % (body.length - start + 1) : 0);
        expect(tokenize(body, start, end)).toEqual(reference(body, start, end));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads words, possessives and white space as the patterns they replace do', () => {
    const text = fc.array(
      fc.oneof(fc.constantFrom(...PIECES, 's', "'s", '’s', "s'", 's’'), fc.string({ maxLength: 3 })),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (parts, a, b) => {
        const s = parts.join('');
        expect(isPossessive(s)).toBe(/['’]s$|s['’]$/.test(s));
        expect(stripPossessive(s)).toBe(s.replace(/['’]s$/, '').replace(/s['’]$/, 's'));
        expect(startsWithLetterOrNumber(s)).toBe(/^[\p{L}\p{N}]/u.test(s));
        for (let n = 0; n < 8; n++) expect(moreSpaceSeparatedThan(s, n)).toBe(s.split(' ').length > n);
        const start = s.length ? a % s.length : 0;
        const end = start + (s.length - start ? b % (s.length - start + 1) : 0);
        expect(whiteSpaceSplitCount(s, start, end)).toBe(s.slice(start, end).split(/\s+/).length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('FilteredWordSet', () => {
  it('answers as a Set of the same words', () => {
    const words = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('said', 'says', 'told', 'according', 'dit', '’s'),
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.array(words, { maxLength: 40 }), (members, probes) => {
        const set = new Set(members);
        const filtered = new FilteredWordSet(members);
        for (const w of [...members, ...probes]) expect(filtered.has(w)).toBe(set.has(w));
      }),
      { numRuns: 2000 },
    );
  });
});
