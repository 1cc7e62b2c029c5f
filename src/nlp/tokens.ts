// A small linear-time word tokenizer with body offsets, shared by entities and attribution.

/** A token: offsets into the body and its text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** The text in lower case, computed once. */
  lower: string;
}

// The tokens are those of this pattern (kept as the definition; the scanner below matches it):
//   /\p{L}[\p{L}\p{M}\p{N}]*(?:[’'.&-]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu
// Words keep inner apostrophes, periods and hyphens ("Trump's", "U.S", "re-elected"); numbers keep
// inner periods, commas and colons ("1,000", "10:30"); any other non-space code point is a token.
// A hand-written scan over char codes does the same without a match object per token.

/** Character classes: letter, mark, number, white space, anything else. */
const LETTER = 1;
const MARK = 2;
const NUMBER = 3;
const SPACE = 4;
const OTHER = 5;

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;
const IS_SPACE = /\s/u;

function classifyCodePoint(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_MARK.test(ch)) return MARK;
  if (IS_NUMBER.test(ch)) return NUMBER;
  if (IS_SPACE.test(ch)) return SPACE;
  return OTHER;
}

/** Classes of the Basic Multilingual Plane, filled in as characters are first seen (0: not yet known). */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classifyCodePoint(c);
// Lone surrogates are code points of their own to the pattern: never letters, marks, numbers or space.
for (let c = 0xd800; c < 0xe000; c++) BMP[c] = OTHER;
/** Classes of astral code points seen so far. */
const ASTRAL = new Map<number, number>();

function bmpClass(c: number): number {
  const k = BMP[c] as number;
  if (k !== 0) return k;
  const computed = classifyCodePoint(c);
  BMP[c] = computed;
  return computed;
}

function astralClass(cp: number): number {
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classifyCodePoint(cp);
    ASTRAL.set(cp, k);
  }
  return k;
}

// The scan keeps the class and width (1 or 2 code units) of the code point at a position here.
let cls = 0;
let width = 1;

/** Reads the code point at i (before end) into cls and width. */
function readAt(text: string, i: number, end: number): void {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    cls = c < 128 ? (BMP[c] as number) : bmpClass(c);
    width = 1;
    return;
  }
  const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  if (d >= 0xdc00 && d <= 0xdfff) {
    cls = astralClass((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000);
    width = 2;
  } else {
    cls = OTHER;
    width = 1;
  }
}

/** Whether the code unit is one that makes a word need lower-casing (A-Z or not ASCII). */
function casesAt(c: number): boolean {
  return (c >= 65 && c <= 90) || c > 127;
}

/** Tokens of body.slice(start, end), offsets into the body. */
export function tokenize(body: string, start = 0, end = body.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = body.charCodeAt(i);
    // ASCII fast path for spaces and single punctuation.
    if (c < 128) {
      const k = BMP[c] as number;
      if (k === SPACE) {
        i++;
        continue;
      }
      if (k === OTHER) {
        const text = body[i] as string;
        out.push({ start: i, end: i + 1, text, lower: text });
        i++;
        continue;
      }
    }
    readAt(body, i, end);
    const from = i;
    if (cls === LETTER) {
      let upper = casesAt(c);
      i += width;
      for (;;) {
        while (i < end) {
          const x = body.charCodeAt(i);
          if (x < 128) {
            const k = BMP[x] as number;
            if (k !== LETTER && k !== NUMBER) break;
            if (x <= 90 && x >= 65) upper = true;
            i++;
            continue;
          }
          readAt(body, i, end);
          if (cls !== LETTER && cls !== MARK && cls !== NUMBER) break;
          upper = true;
          i += width;
        }
        // A separator continues the word only when a letter follows it.
        if (i + 1 >= end) break;
        const sep = body.charCodeAt(i);
        if (sep !== 0x2019 && sep !== 39 && sep !== 46 && sep !== 38 && sep !== 45) break;
        readAt(body, i + 1, end);
        if (cls !== LETTER) break;
        if (sep === 0x2019 || casesAt(body.charCodeAt(i + 1))) upper = true;
        i += 1 + width;
      }
      const text = body.slice(from, i);
      out.push({ start: from, end: i, text, lower: upper ? text.toLowerCase() : text });
    } else if (cls === NUMBER) {
      let upper = c > 127;
      i += width;
      for (;;) {
        while (i < end) {
          readAt(body, i, end);
          if (cls !== NUMBER) break;
          if (body.charCodeAt(i) > 127) upper = true;
          i += width;
        }
        if (i + 1 >= end) break;
        const sep = body.charCodeAt(i);
        if (sep !== 46 && sep !== 44 && sep !== 58) break;
        readAt(body, i + 1, end);
        if (cls !== NUMBER) break;
        if (body.charCodeAt(i + 1) > 127) upper = true;
        i += 1 + width;
      }
      const text = body.slice(from, i);
      out.push({ start: from, end: i, text, lower: upper ? text.toLowerCase() : text });
    } else if (cls === SPACE) {
      i += width;
    } else {
      i += width;
      const text = body.slice(from, i);
      out.push({ start: from, end: i, text, lower: c > 127 ? text.toLowerCase() : text });
    }
  }
  return out;
}

/** Whether a token starts with an upper-case letter. */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  const ch = text[0] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** The token without a possessive ending ("Trump's" -> "Trump"). */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s$/, '').replace(/s['’]$/, 's');
}

export function isPossessive(text: string): boolean {
  return /['’]s$|s['’]$/.test(text);
}
