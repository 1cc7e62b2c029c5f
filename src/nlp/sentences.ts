// Paragraphs and sentences: offsets into the body, abbreviation- and initial-aware, linear time.
import type { Paragraph, Sentence } from './types.js';

/** Abbreviations after which a period never ends a sentence (titles, name parts, months). */
const NEVER_END = new Set([
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
const SENTENCE_STARTERS = new Set([
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

// The lookbehind starts a candidate only at the first mark of a run: without it a long run of marks
// with no space after it ("......") is rescanned from every position, which is quadratic.
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

/** Whether the boundary candidate ending at `end` (exclusive) in `text` ends a sentence. */
function endsSentence(text: string, markStart: number, end: number): boolean {
  const mark = text.slice(markStart, end);
  const next = firstWordAfter(text, end);
  if (!next) return false;
  const nextChar = next[0] ?? '';
  const nextUpper = /[\p{Lu}\p{N}]/u.test(nextChar);
  if (!mark.startsWith('.') || mark.startsWith('..') || mark.startsWith('…')) {
    // ! ? or an ellipsis: a lower-case continuation stays in the sentence.
    return nextUpper;
  }
  if (!nextUpper) return false;
  const word = wordBefore(text, markStart);
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
    while (s < e && /\s/.test(body[s] ?? '')) s++;
    while (e > s && /\s/.test(body[e - 1] ?? '')) e--;
    if (e > s) out.push({ index: out.length + 1, start: s, end: e, text: body.slice(s, e) });
  };
  for (const m of body.matchAll(re)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, body.length);
  return out;
}

/** Splits one span of the body (a paragraph) into sentences. */
export function splitSentences(body: string, start: number, end: number, paragraph: number): Sentence[] {
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
  BOUNDARY.lastIndex = 0;
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

/** Paragraphs and their sentences for a whole body. */
export function segment(
  body: string,
  paragraphs = splitParagraphs(body),
): {
  paragraphs: Paragraph[];
  sentences: Sentence[];
} {
  const sentences: Sentence[] = [];
  // A loop, not push(...): spreading a paragraph of 100,000+ short sentences overflows the call stack.
  for (const p of paragraphs) for (const s of splitSentences(body, p.start, p.end, p.index)) sentences.push(s);
  return { paragraphs, sentences };
}
