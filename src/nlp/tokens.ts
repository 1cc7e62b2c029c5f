// A small linear-time word tokenizer with body offsets, shared by entities and attribution.

/** A token: offsets into the body and its text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** The text in lower case, computed once. */
  lower: string;
}

// Words keep inner apostrophes, periods and hyphens ("Trump's", "U.S", "re-elected"); each
// repetition starts with a separator, so the pattern cannot backtrack catastrophically.
const TOKEN = /\p{L}[\p{L}\p{M}\p{N}]*(?:[’'.&-]\p{L}[\p{L}\p{M}\p{N}]*)*|\p{N}+(?:[.,:]\p{N}+)*|\S/gu;

/** Tokens of body.slice(start, end), offsets into the body. */
export function tokenize(body: string, start = 0, end = body.length): Token[] {
  const text = start === 0 && end === body.length ? body : body.slice(start, end);
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const text = m[0];
    // Most tokens are already lower case (or punctuation): skip the copy for them.
    const c = text.charCodeAt(0);
    const lower = (c >= 97 && c <= 122) || c < 65 ? (hasUpper(text) ? text.toLowerCase() : text) : text.toLowerCase();
    out.push({ start: start + m.index, end: start + m.index + text.length, text, lower });
  }
  return out;
}

function hasUpper(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
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
