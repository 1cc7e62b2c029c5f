// Linear time: the worst inputs we could build for every regular expression of the reading machine, sized n and 4n.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/article/parse.js';
import { contentWords, fragmentScore, searchWords } from '../../src/briefing/text-match.js';
import { analyseText } from '../../src/nlp/analyse.js';
import { boilerplateReason } from '../../src/nlp/boilerplate.js';
import { splitParagraphs } from '../../src/nlp/sentences.js';
import { summaryUnits } from '../../src/nlp/summary-units.js';
import { countTopicMentions } from '../../src/nlp/topics.js';

/** The fastest of `runs` runs, in ms: the least disturbed by GC and other work on a loaded machine. */
function bestOf(fn: () => unknown, runs = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** `unit` repeated to exactly `n` characters. */
function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

/** Linear work grows 4x from n to 4n, quadratic 16x: 10x plus slack passes the first and fails the second. */
const FACTOR = 10;
const SLACK_MS = 40;

/**
 * Times `run(n)` and `run(4n)`, and measures again (up to three times) when the pair looks superlinear: a
 * machine busy with other work can stall one run, but quadratic code is slow on every attempt.
 * Returns the last attempt's times.
 */
function scaling(run: (n: number) => unknown, n: number): { t1: number; t4: number } {
  let times = { t1: 0, t4: 0 };
  for (let attempt = 0; attempt < 3; attempt++) {
    times = { t1: bestOf(() => run(n)), t4: bestOf(() => run(4 * n)) };
    if (times.t4 < FACTOR * times.t1 + SLACK_MS) break;
  }
  return times;
}

/**
 * Adversarial article bodies, each a function of its size in characters. Each aims at a pattern that
 * could backtrack: runs of the characters a regex repeats, near-misses of an expected suffix, overlaps.
 */
const BODIES: Record<string, (n: number) => string> = {
  'curly open quotes': (n) => fill('\u201c', n),
  'curly close quotes': (n) => fill('\u201d', n),
  'straight double quotes': (n) => fill('"', n),
  apostrophes: (n) => fill("'", n),
  'guillemets and low quotes': (n) => fill('\u00ab\u201e\u00bb', n),
  'every quote mark, spaced': (n) => fill('\u201c \u201d " \u00ab \u00bb \u2018 \u2019 \' \u201e ', n),
  'nested open quotes with words': (n) => fill('\u201cHe said \u2018she said "they said ', n),
  'open quotes with said and a name': (n) => fill('"Yes said John Smith and ', n),
  'quote, said, name, full stop': (n) => fill('"Yes," said John Smith. ', n),
  'one unclosed quote to the end': (n) => `\u201c${fill('word ', n - 1)}`,
  spaces: (n) => `a${' '.repeat(n - 3)}b.`,
  'tabs and no-break spaces': (n) => `a${fill('\t\u00a0', n - 3)}b.`,
  'capitalised words, no punctuation': (n) => fill('Word ', n),
  'a sentence of capitalised names': (n) => `${fill('John Smith ', n - 5)}said.`,
  'lower-case initials': (n) => fill('a. ', n),
  'capital initials': (n) => fill('A. ', n),
  'pairs of capital initials, one endless sentence': (n) => fill('A. B. ', n),
  'short sentences (over 100,000 of them at 1 MB)': (n) => fill('He won. ', n),
  'dotted acronyms without spaces': (n) => `${fill('U.S.A.', n - 9)} The end.`,
  dots: (n) => fill('.', n),
  'exclamation marks': (n) => fill('!', n),
  'mixed sentence marks': (n) => fill('.!?\u2026', n),
  'marks and closing quotes': (n) => `${fill('."', n - 1)}x`,
  'dots and spaces': (n) => fill('. ', n),
  commas: (n) => fill(',', n),
  'names and commas': (n) => fill('Smith, ', n),
  'titles, names and appositions': (n) => fill('Mr. Smith, the President of the United States, ', n),
  'according to': (n) => fill('according to ', n),
  said: (n) => fill('said ', n),
  the: (n) => fill('the ', n),
  dashes: (n) => fill('\u2014', n),
  'dashes between words': (n) => fill('He \u2014 ', n),
  'colon labels': (n) => fill('Label: ', n),
  parentheses: (n) => fill('(', n),
  'photo-caption cues': (n) => fill('(pictured, ', n),
  'see the video, never below': (n) => fill('see video ', n),
  'agency names and spaces': (n) => `reuters${' '.repeat(n - 8)}x`,
  hyphens: (n) => fill('a-', n),
  'at signs': (n) => fill('@', n),
  digits: (n) => fill('1', n),
  newlines: (n) => fill('\n', n),
  'blank lines with spaces': (n) => fill('\n \n', n),
  'CRLF lines': (n) => fill('a\r\n', n),
  'lone CR lines': (n) => fill('a\r', n),
  'zero-width and combining marks': (n) => fill('A\u200b\u0301\u200d. ', n),
  'RTL and astral': (n) => fill('\u05e9\u05dc\u05d5\u05dd \ud83d\ude00 \u202e', n),
};

/** Adversarial inputs for the pieces analyseText does not reach at full size (per paragraph, per sentence, queries). */
const PIECES: Record<string, (n: number) => void> = {
  'boilerplateReason: one long paragraph of agency name and spaces': (n) =>
    boilerplateReason(`reuters${' '.repeat(n)}x`),
  'boilerplateReason: one long byline-like paragraph': (n) => boilerplateReason(`By Xx${fill(' and Xx', n)}!`),
  'summaryUnits: see video, never below': (n) =>
    summaryUnits([{ paragraph: 1, start: 0, end: n, text: fill('see video ', n) }]),
  'summaryUnits: caption cues never closed': (n) =>
    summaryUnits([{ paragraph: 1, start: 0, end: n, text: fill('(pictured, ', n) }]),
  'summaryUnits: wide gaps': (n) => summaryUnits([{ paragraph: 1, start: 0, end: n, text: fill('Word   He ', n) }]),
  'splitParagraphs: newline and spaces': (n) => splitParagraphs(fill('\n      ', n)),
  'countTopicMentions: a multi-word alias over spaces': (n) =>
    countTopicMentions(
      [{ index: 1, start: 0, end: n, text: fill('North   ', n) }],
      [{ name: 'North Atlantic Treaty Organization', aliases: ['the alliance'] }],
    ),
  'parseArticle: front matter never closed': (n) => {
    try {
      parseArticle('x.md', `---\n${fill('title: x\n--- y\n', n)}`);
    } catch {
      // Refused, as it should be: only the time counts here.
    }
  },
  'parseArticle: a date line then one long word': (n) => {
    try {
      parseArticle('x.txt', `date 2024-01-01${fill('x', n)} y`);
    } catch {
      // Refused, as it should be: only the time counts here.
    }
  },
  'text-match: query words with apostrophes': (n) => searchWords(fill("a'b'", n)),
  'text-match: fragment score over long texts': (n) =>
    fragmentScore(fill('nato allies ', n / 4), fill('Word, nato allies ', n)),
  'text-match: content words of suffixes': (n) => contentWords(fill('xesxesches ', n)),
};

const N = 50_000;

/**
 * Bodies that are quadratic in src/nlp/entities.ts, which another engineer is changing right now: runsOf()
 * finds each run's head with `tokens.indexOf(...)`, a scan of the whole sentence per capitalised run, so a
 * long sentence with many runs is quadratic (800,000 characters of "Label: " took 3.5 s, of "A. B. " 13 s).
 * Skipped, not weakened: remove an entry once entities.ts keeps the index instead of searching for it.
 */
/** Bodies whose reading is known not to be linear yet, with where (skipped, listed so they are not forgotten). */
const KNOWN_QUADRATIC: Record<string, string> = {};

describe('the reading machine runs in linear time on adversarial bodies (n = 50,000 and 200,000 characters)', () => {
  for (const [name, body] of Object.entries(BODIES)) {
    const known = KNOWN_QUADRATIC[name];
    const test = known ? it.skip : it;
    const title = known ? `${name} (skipped, quadratic in ${known})` : name;
    test(`${title}: 4x the text takes well under 16x the time`, () => {
      const small = body(N);
      const large = body(4 * N);
      expect(large.length).toBe(4 * N);
      const { t1, t4 } = scaling((size) => analyseText(size === N ? small : large), N);
      expect(t4, `n: ${t1.toFixed(1)} ms, 4n: ${t4.toFixed(1)} ms`).toBeLessThan(FACTOR * t1 + SLACK_MS);
    }, 60_000);
  }
});

describe('pieces of the reading machine run in linear time on adversarial text', () => {
  for (const [name, run] of Object.entries(PIECES)) {
    it(`${name}: 4x the text takes well under 16x the time`, () => {
      const { t1, t4 } = scaling(run, N);
      expect(t4, `n: ${t1.toFixed(1)} ms, 4n: ${t4.toFixed(1)} ms`).toBeLessThan(FACTOR * t1 + SLACK_MS);
    }, 60_000);
  }

  it('a byline-like line cut at every "and" is answered at once (it was exponential: 30 "andXx" took minutes)', () => {
    const t = bestOf(() => boilerplateReason(`By Xx${'andXx'.repeat(22)}!`));
    expect(t).toBeLessThan(50);
  });

  it('a byline with names joined by "and" and commas is still a byline', () => {
    expect(boilerplateReason('By Jane Smith and John Doe, CNN')).toBe('byline');
    expect(boilerplateReason('By Jane Smith, John Doe and Ann Lee')).toBe('byline');
  });

  it('an agency credit with spaces before its closing parenthesis is still a credit', () => {
    expect(boilerplateReason('Crowds gathered outside the court on Monday (Reuters  )')).toBe('photo credit');
    expect(boilerplateReason('A girl waves a flag in the square. Getty Images  ')).toBe('photo credit');
  });

  it('caption cues and "see the video below" are still found', () => {
    const units = summaryUnits([
      { paragraph: 1, start: 0, end: 0, text: 'The mayor (pictured, left, with aides) arrived late.' },
      { paragraph: 1, start: 0, end: 0, text: 'The council met in the morning. See the video of the meeting below' },
    ]);
    expect(units[0]?.caption).toBe(true);
    expect(units.map((u) => u.text).join(' ')).not.toContain('video');
  });
});

describe('1 MB adversarial articles finish well under a few seconds', () => {
  const MB = 1_000_000;
  it('every adversarial body, one after another in one 1 MB article', () => {
    const bodies = Object.entries(BODIES).filter(([name]) => !KNOWN_QUADRATIC[name]);
    const parts = bodies.map(([, body]) => body(Math.floor(MB / bodies.length) - 2));
    const article = parts.join('\n\n');
    const t = bestOf(() => analyseText(article), 1);
    expect(t).toBeLessThan(5_000);
  }, 60_000);

  for (const name of [
    'dots',
    'curly open quotes',
    'a sentence of capitalised names',
    'lower-case initials',
    'commas',
    'short sentences (over 100,000 of them at 1 MB)',
  ]) {
    it(`1 MB of ${name}`, () => {
      const body = BODIES[name]?.(MB) ?? '';
      expect(body.length).toBe(MB);
      expect(bestOf(() => analyseText(body), 1)).toBeLessThan(5_000);
    }, 60_000);
  }
});
