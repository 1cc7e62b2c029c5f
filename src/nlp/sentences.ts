// Paragraphs and sentences: offsets into the body, abbreviation- and initial-aware, linear time.
import { isLetterOrNumberUnit, isWhiteSpace, letterOrNumberWidth } from './tokens.js';
import type { Paragraph, Sentence } from './types.js';

/** Abbreviations after which a period never ends a sentence (titles, name parts, months). */
export const NEVER_END = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'cpl',
  'pvt',
  'gov',
  'sen',
  'rep',
  'reps',
  'sens',
  'rev',
  'hon',
  'pres',
  'supt',
  'amb',
  'atty',
  'jr',
  'sr',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'v',
  'etc',
  'e.g',
  'i.e',
  'cf',
  'al',
  'approx',
  'dept',
  'est',
  'fig',
  'inc',
  'corp',
  'ltd',
  'co',
  'bros',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ave',
  'blvd',
  'rd',
  'calif',
  'fla',
  'ill',
  'mass',
  'mich',
  'minn',
  'penn',
  'wash',
  'wis',
  'ariz',
  'ark',
  'colo',
  'conn',
  'del',
  'ga',
  'kan',
  'ky',
  'la',
  'md',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wyo',
]);

/** Words that start sentences: after "U.S." they mean the period did end one. */
export const SENTENCE_STARTERS = new Set([
  'the',
  'he',
  'she',
  'it',
  'they',
  'we',
  'i',
  'but',
  'and',
  'a',
  'an',
  'in',
  'on',
  'at',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'there',
  'when',
  'while',
  'if',
  'as',
  'after',
  'before',
  'so',
  'yet',
  'still',
  'meanwhile',
  'however',
  'officials',
  'some',
  'many',
  'most',
]);

// Sentence boundary candidates are the matches of this pattern in a paragraph (kept as the definition;
// splitSentences scans for them without a regular expression):
//   /(?<![.!?…])[.!?…]+["'\u201d\u2019\u00bb)\]]*(?=\s)/g
// A candidate starts at the first mark of a run (without the lookbehind a long run of marks with no
// space after it, "......", is rescanned from every position: quadratic), takes the marks and closing
// quotes or brackets after them, and must be followed by white space.

const MARK = /[.!?\u2026]/g;

/** . ! ? … */
function isMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** " ' ” ’ » ) ] */
function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}

/** " ' “ ‘ ( « [ */
function isOpener(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201c || c === 0x2018 || c === 40 || c === 0xab || c === 91;
}

/** The word right before `end`, back to `lo`: letters, numbers and . & ' - (code unit by code unit). */
function wordBefore(body: string, lo: number, end: number): string {
  let i = end;
  while (i > lo) {
    const c = body.charCodeAt(i - 1);
    if (!(isLetterOrNumberUnit(c) || c === 46 || c === 38 || c === 39 || c === 45)) break;
    i--;
  }
  return body.slice(i, end);
}

/**
 * The first word after `from` within the next 60 characters (and before `hi`), after white space and
 * opening quotes or brackets: what /^\s*["'\u201c\u2018(\u00ab[]*([\p{L}\p{N}]+)/u finds in those 60.
 */
function firstWordAfter(body: string, from: number, hi: number): string {
  const lim = Math.min(hi, from + 60);
  let i = from;
  while (i < lim && isWhiteSpace(body.charCodeAt(i))) i++;
  while (i < lim && isOpener(body.charCodeAt(i))) i++;
  const s = i;
  while (i < lim) {
    const w = letterOrNumberWidth(body, i, lim);
    if (w === 0) break;
    i += w;
  }
  return body.slice(s, i);
}

/** Whether a code unit on its own is an upper-case letter or a number (/[\p{Lu}\p{N}]/u). */
function isUpperOrNumberUnit(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return UPPER_OR_NUMBER.test(String.fromCharCode(c));
}
const UPPER_OR_NUMBER = /[\p{Lu}\p{N}]/u;

/** Whether the boundary candidate body[markStart, end) of the paragraph [lo, hi) ends a sentence. */
function endsSentence(body: string, lo: number, hi: number, markStart: number, end: number): boolean {
  const next = firstWordAfter(body, end, hi);
  if (!next) return false;
  const nextUpper = isUpperOrNumberUnit(next.charCodeAt(0));
  const m0 = body.charCodeAt(markStart);
  if (m0 !== 46 || (end - markStart >= 2 && body.charCodeAt(markStart + 1) === 46)) {
    // ! ? or an ellipsis: a lower-case continuation stays in the sentence.
    return nextUpper;
  }
  if (!nextUpper) return false;
  const word = wordBefore(body, lo, markStart);
  const bare = word.replace(/^['-]+/, '');
  const lower = bare.toLowerCase();
  if (NEVER_END.has(lower)) return false;
  // A single initial ("John F. Kennedy") or dotted initials/acronyms ("U.S.", "D.C.").
  if (/^\p{Lu}$/u.test(bare)) return false;
  if (/^(\p{L}\.)+\p{L}$/u.test(bare)) {
    return SENTENCE_STARTERS.has(next.toLowerCase());
  }
  return true;
}

/** Splits a body into paragraphs at blank lines; offsets point into the body. */
export function splitParagraphs(body: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+|\r\n[ \t]*\r\n/g;
  let last = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && isWhiteSpace(body.charCodeAt(s))) s++;
    while (e > s && isWhiteSpace(body.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ index: out.length + 1, start: s, end: e, text: body.slice(s, e) });
  };
  for (const m of body.matchAll(re)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;
}

/** Appends the sentence body[a, b) without its white space at either end, if anything is left. */
function pushSentence(out: Sentence[], body: string, a: number, b: number, paragraph: number): void {
  let s = a;
  let e = b;
  while (s < e && isWhiteSpace(body.charCodeAt(s))) s++;
  while (e > s && isWhiteSpace(body.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ paragraph, start: s, end: e, text: body.slice(s, e) });
}

/** Splits one span of the body (a paragraph) into sentences. */
export function splitSentences(body: string, start: number, end: number, paragraph: number): Sentence[] {
  const out: Sentence[] = [];
  addSentences(out, body, start, end, paragraph);
  return out;
}

/** Appends the sentences of body[start, end) to out. */
function addSentences(out: Sentence[], body: string, start: number, end: number, paragraph: number): void {
  let from = start;
  let p = start;
  while (p < end) {
    // The next mark, found by the regular-expression engine's scan (test() allocates no match).
    MARK.lastIndex = p;
    if (!MARK.test(body)) break;
    p = MARK.lastIndex - 1;
    if (p >= end) break;
    if (p > start && isMark(body.charCodeAt(p - 1))) {
      p++;
      continue;
    }
    // A run of marks, then closing quotes or brackets; a candidate only when white space follows.
    let q = p + 1;
    while (q < end && isMark(body.charCodeAt(q))) q++;
    while (q < end && isCloser(body.charCodeAt(q))) q++;
    if (q < end && isWhiteSpace(body.charCodeAt(q)) && endsSentence(body, start, end, p, q)) {
      pushSentence(out, body, from, q, paragraph);
      from = q;
    }
    // Inside the run no other candidate starts: its marks follow a mark, closers are not marks.
    p = q;
  }
  pushSentence(out, body, from, end, paragraph);
}

/** Paragraphs and their sentences for a whole body. */
export function segment(
  body: string,
  paragraphs = splitParagraphs(body),
): {
  paragraphs: Paragraph[];
  sentences: Sentence[];
} {
  const sentences: Sentence[] = [];
  // Appended one by one, not push(...): spreading 100,000+ short sentences overflows the call stack.
  for (const p of paragraphs) addSentences(sentences, body, p.start, p.end, p.index);
  return { paragraphs, sentences };
}
