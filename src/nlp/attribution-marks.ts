// Quotation marks: the spans between them, per paragraph, found in one linear scan.
import type { Paragraph } from './types.js';

/** A span between quotation marks; end includes the closing mark when there is one. */
export interface MarkedSpan {
  start: number;
  end: number;
  paragraph: number;
  closed: boolean;
  /** Set when an indirect attribution absorbs the span (a mixed quote). */
  absorbed: boolean;
}

export const OPEN_DQ = new Set(['“', '„', '«']);
/** The characters the quotation-mark scan stops at. */
export const QUOTE_CHARS = /["'`«»“”„\n]/g;
export const CLOSE_DQ = new Set(['”', '»']);

/** Quotation-mark spans per paragraph; an unclosed quote runs to the paragraph's end. */
export function markedSpans(body: string, paragraphs: readonly Paragraph[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (const p of paragraphs) {
    let open = -1;
    let depth = 0;
    let any = false;
    const push = (start: number, end: number, closed: boolean) => {
      if (end - start > 2) out.push({ start, end, paragraph: p.index, closed, absorbed: false });
      any = true;
    };
    QUOTE_CHARS.lastIndex = p.start;
    for (let mq = QUOTE_CHARS.exec(body); mq !== null && mq.index < p.end; mq = QUOTE_CHARS.exec(body)) {
      let i = mq.index;
      const code = body.charCodeAt(i);
      if (code === 10) {
        if (open < 0) continue;
        // A single line break after a finished sentence ends the line's quote, like a paragraph end
        // (some texts separate paragraphs by one newline); a hard-wrapped sentence keeps going.
        let e = i;
        while (e > open && /\s/.test(body[e - 1] ?? '')) e--;
        if (/[.!?,”"'’]/.test(body[e - 1] ?? '')) {
          push(open, e, false);
          open = -1;
          depth = 0;
          any = false;
        }
        continue;
      }
      const c = body[i] ?? '';
      if (OPEN_DQ.has(c)) {
        const prevChar = body.charCodeAt(i - 1);
        const nextChar = body[i + 1] ?? ' ';
        const closesLikeEnd = open >= 0 && depth === 0 && prevChar > 32 && /[\s,.;:!?)]/.test(nextChar);
        if (closesLikeEnd) {
          // A misprinted closing mark (“It's unusual,“ said ...).
          push(open, i + 1, true);
          open = -1;
        } else if (open < 0) open = i;
        else depth++;
      } else if (CLOSE_DQ.has(c)) {
        if (depth > 0) depth--;
        else if (open >= 0) {
          push(open, i + 1, true);
          open = -1;
        } else if (opensLikeStart(body, i, p.start)) {
          // A misprinted opening mark (”Mr. Trump embodies ...”) at a line start.
          open = i;
        } else if (!any) push(p.start, i + 1, true);
      } else if (c === '"' || (c === "'" && body[i + 1] === "'") || (c === '`' && body[i + 1] === '`')) {
        const wide = c !== '"';
        if (open < 0) {
          const prev = body[i - 1] ?? ' ';
          const opens = i === p.start || /[\s([—–\-:]/.test(prev);
          if (opens || c === '`') open = i;
          else if (!any) push(p.start, i + (wide ? 2 : 1), true);
        } else {
          push(open, i + (wide ? 2 : 1), true);
          open = -1;
          depth = 0;
        }
        if (wide) {
          i++;
          QUOTE_CHARS.lastIndex = i + 1;
        }
      }
    }
    if (open >= 0) push(open, p.end, false);
  }
  return out;
}

/** A closing mark used as an opening one: at the paragraph or line start, with a word (or "…") after it. */
function opensLikeStart(body: string, i: number, paragraphStart: number): boolean {
  if (i !== paragraphStart && body[i - 1] !== '\n') return false;
  return /^(?:\s?…\s?)?[\p{L}\p{N}]/u.test(body.slice(i + 1, i + 5));
}

/** Index of the first span (sorted, not overlapping) that ends after pos. */
export function firstSpanEndingAfter(spans: readonly MarkedSpan[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.end ?? 0) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans that start inside [from, to). */
export function spansFrom(spans: readonly MarkedSpan[], from: number, to: number): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (let i = firstSpanEndingAfter(spans, from); i < spans.length; i++) {
    const s = spans[i];
    if (!s || s.start >= to) break;
    if (s.start >= from) out.push(s);
  }
  return out;
}

/** Whether any span overlaps [from, to). */
export function overlapsSpan(spans: readonly MarkedSpan[], from: number, to: number): boolean {
  const s = spans[firstSpanEndingAfter(spans, from)];
  return s !== undefined && s.start < to;
}
