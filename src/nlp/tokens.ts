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

/**
 * The class of the code point at i (before end), times 2, plus 1 when it takes two code units:
 * `packed >> 1` is the class and `(packed & 1) + 1` the width.
 */
function classAt(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return (c < 128 ? (BMP[c] as number) : bmpClass(c)) << 1;
  const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
  if (d >= 0xdc00 && d <= 0xdfff) return (astralClass((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) << 1) | 1;
  return OTHER << 1;
}

/** Whether a code unit is white space to a regular expression's \\s (no surrogate is). */
export function isWhiteSpace(c: number): boolean {
  return (c < 128 ? (BMP[c] as number) : bmpClass(c)) === SPACE;
}

/** Whether a code unit on its own is a letter or a number (\\p{L} or \\p{N}; no surrogate is). */
export function isLetterOrNumberUnit(c: number): boolean {
  const k = c < 128 ? (BMP[c] as number) : bmpClass(c);
  return k === LETTER || k === NUMBER;
}

/** The width (1 or 2) of the code point at i (before end) when it is a letter or a number, else 0. */
export function letterOrNumberWidth(text: string, i: number, end: number): number {
  const packed = classAt(text, i, end);
  const k = packed >> 1;
  return k === LETTER || k === NUMBER ? (packed & 1) + 1 : 0;
}

/** Whether the text starts with a letter or a number (/^[\p{L}\p{N}]/u). */
export function startsWithLetterOrNumber(text: string): boolean {
  return text.length > 0 && letterOrNumberWidth(text, 0, text.length) > 0;
}

/** text.split(' ').length > n, without splitting: more than n - 1 spaces. */
export function moreSpaceSeparatedThan(text: string, n: number): boolean {
  if (n <= 0) return true;
  let spaces = 0;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) if (++spaces >= n) return true;
  return false;
}

/** body.slice(start, end).split(/\s+/).length, without slicing or splitting: white-space runs plus one. */
export function whiteSpaceSplitCount(body: string, start: number, end: number): number {
  let count = 1;
  let inSpace = false;
  for (let i = start; i < end; i++) {
    if (isWhiteSpace(body.charCodeAt(i))) {
      if (!inSpace) count++;
      inSpace = true;
    } else inSpace = false;
  }
  return count;
}

/** One-character strings of ASCII. */
const ASCII: string[] = [];
for (let c = 0; c < 128; c++) ASCII.push(String.fromCharCode(c));

/** Whether a separator code unit (’ ' . & -) can join two parts of a word. */
function isWordSeparator(c: number): boolean {
  return c === 39 || c === 46 || c === 38 || c === 45 || c === 0x2019;
}

/** Tokens of body.slice(start, end), offsets into the body. */
export function tokenize(body: string, start = 0, end = body.length): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end) {
    const c = body.charCodeAt(i);
    let k: number;
    let w = 1;
    if (c < 128) {
      k = BMP[c] as number;
      if (k === SPACE) {
        i++;
        continue;
      }
    } else {
      const packed = classAt(body, i, end);
      k = packed >> 1;
      w = (packed & 1) + 1;
    }
    const from = i;
    i += w;
    if (k === LETTER) {
      // Whether the word has a code unit that lower-casing may change (A-Z or not ASCII).
      let upper = c > 127 || (c >= 65 && c <= 90);
      for (;;) {
        while (i < end) {
          const x = body.charCodeAt(i);
          if (x < 128) {
            // ASCII letters and digits continue the word.
            if ((x >= 97 && x <= 122) || (x >= 48 && x <= 57)) {
              i++;
              continue;
            }
            if (x >= 65 && x <= 90) {
              upper = true;
              i++;
              continue;
            }
            break;
          }
          const packed = classAt(body, i, end);
          const kx = packed >> 1;
          if (kx !== LETTER && kx !== MARK && kx !== NUMBER) break;
          upper = true;
          i += (packed & 1) + 1;
        }
        // A separator continues the word only when a letter follows it.
        if (i + 1 >= end) break;
        const sep = body.charCodeAt(i);
        if (!isWordSeparator(sep)) break;
        const next = classAt(body, i + 1, end);
        if (next >> 1 !== LETTER) break;
        const y = body.charCodeAt(i + 1);
        if (sep > 127 || y > 127 || (y >= 65 && y <= 90)) upper = true;
        i += 2 + (next & 1);
      }
      const text = body.slice(from, i);
      out.push({ start: from, end: i, text, lower: upper ? text.toLowerCase() : text });
    } else if (k === NUMBER) {
      let upper = c > 127;
      for (;;) {
        while (i < end) {
          const x = body.charCodeAt(i);
          if (x >= 48 && x <= 57) {
            i++;
            continue;
          }
          if (x < 128) break;
          const packed = classAt(body, i, end);
          if (packed >> 1 !== NUMBER) break;
          upper = true;
          i += (packed & 1) + 1;
        }
        if (i + 1 >= end) break;
        const sep = body.charCodeAt(i);
        if (sep !== 46 && sep !== 44 && sep !== 58) break;
        const next = classAt(body, i + 1, end);
        if (next >> 1 !== NUMBER) break;
        if (body.charCodeAt(i + 1) > 127) upper = true;
        i += 2 + (next & 1);
      }
      const text = body.slice(from, i);
      out.push({ start: from, end: i, text, lower: upper ? text.toLowerCase() : text });
    } else if (k !== SPACE) {
      // Any other code point (punctuation, a mark without a letter before it) is a token of its own.
      const text = c < 128 ? (ASCII[c] as string) : body.slice(from, i);
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

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** The token without a possessive ending ("Trump's" -> "Trump", "Jones'" -> "Jones"). */
export function stripPossessive(text: string): string {
  // As text.replace(/['’]s$/, '').replace(/s['’]$/, 's'): the second on what the first leaves.
  let end = text.length;
  if (end >= 2 && text.charCodeAt(end - 1) === 115 && isApostrophe(text.charCodeAt(end - 2))) end -= 2;
  if (end >= 2 && isApostrophe(text.charCodeAt(end - 1)) && text.charCodeAt(end - 2) === 115) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}

/** Whether the token ends in 's, ’s, s' or s’ (/['’]s$|s['’]$/). */
export function isPossessive(text: string): boolean {
  const n = text.length;
  if (n < 2) return false;
  const a = text.charCodeAt(n - 2);
  const b = text.charCodeAt(n - 1);
  return (isApostrophe(a) && b === 115) || (a === 115 && isApostrophe(b));
}

/**
 * A set of words with a quick test in front of the hash lookup, for sets asked about every token of a
 * text. A Set lookup of a token's string costs tens of nanoseconds (more on the string's first lookup,
 * which computes its hash), and most tokens are not members. Each member sets one bit of a 64K-bit
 * table, at a signature of its length and first, second and last code units; a word whose bit is clear
 * is not a member, found without the lookup (nine tokens of news text in ten, for the cue words of
 * attribution, where one in twenty is a member). A member's bit is always set, so `has` answers as the
 * Set does.
 */
export class FilteredWordSet {
  private readonly words: ReadonlySet<string>;
  private readonly bits = new Uint32Array(2048);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      if (w.length === 0) continue;
      const k = wordSignature(w);
      this.bits[k >>> 5] = (this.bits[k >>> 5] as number) | (1 << (k & 31));
    }
  }

  has(w: string): boolean {
    if (w.length > 0) {
      const k = wordSignature(w);
      if ((((this.bits[k >>> 5] as number) >>> (k & 31)) & 1) === 0) return false;
    }
    return this.words.has(w);
  }
}

/** A 16-bit signature of a non-empty word: its length and first, second and last code units, mixed. */
function wordSignature(w: string): number {
  const n = w.length;
  const h = (((n * 31 + w.charCodeAt(0)) * 31 + (n > 1 ? w.charCodeAt(1) : 0)) * 31 + w.charCodeAt(n - 1)) | 0;
  return Math.imul(h, 0x9e3779b1) >>> 16;
}

/** How many of `items` (sorted by start) start before pos: the index of the first one that starts at or after it. */
export function countStartingBefore(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid]?.start ?? 0) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
