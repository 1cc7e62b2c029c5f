// Lines that are not article text: date lines, related-story headlines, captions, calls to action.
import { isWhiteSpace } from './tokens.js';
import type { Paragraph } from './types.js';

const CALLS_TO_ACTION =
  /^(?:read more|related|more:|see also|watch|click here|scroll down for (?:video|more)|warning:? graphic content|published:|updated:|last updated|e-?mail to a friend|sign up|subscribe|advertisement|photo:|image:|video:|follow us|share this|copyright|\(c\)|©)/i;
/** "Follow Jane Smith on Twitter @jsmith.", possibly inside quotation marks. */
const FOLLOW_ON = /^["“]?follow\s+[\p{L}.' -]{1,40}?\s+on\s+(?:twitter|facebook|instagram|x)\b/iu;
/** A DailyMail page header: "By . Jane Smith . PUBLISHED: 10:01 EST, 2 May 2014 . | . UPDATED: ...". */
const MAIL_HEADER = /^by\s*\.\s*[\p{Lu}][^\n]{0,160}?(?:published|updated):/iu;
const DATE_LINE = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*$/i;
// `(?:\s*\))?` rather than `\s*\)?\s*`: two adjacent `\s*` split a run of spaces every way, quadratic.
const CREDIT =
  /\((?:photo|image|video)\s*(?:by|:|credit)|(?:getty images|associated press|reuters|afp|ap photo)(?:\s*\))?\s*$/i;
/**
 * "By Jane Smith and John Doe, CNN". Names never take the word "and" and the separators are a comma or
 * a spaced "and": with `\s*and\s*` a name such as "Xxandxx" could be cut at every "and", which is
 * exponential when the line does not match ("By Xx" + "andXx" x 30 took minutes).
 */
const BYLINE =
  /^by\s+(?!and\s)[\p{Lu}][\p{L}'.-]+(?:\s+(?!and\s)[\p{Lu}][\p{L}'.-]+){0,3}(?:(?:\s*,\s*|\s+and\s+)(?!and\s)[\p{Lu}][\p{L}'.-]+(?:\s+(?!and\s)[\p{Lu}][\p{L}'.-]+){0,3})*\s*(?:,\s*cnn|for dailymail\.com|,\s*[\p{L} ]{0,30})?$/iu;

/**
 * Words of a trimmed text, as t.split(/\s+/).length counts them, but counting stops past `max`:
 * a long paragraph is not split into an array of its words only to learn it has more than 16.
 */
function wordCount(t: string, max: number): number {
  let words = 1;
  let inSpace = false;
  for (let i = 0; i < t.length; i++) {
    if (isWhiteSpace(t.charCodeAt(i))) {
      if (!inSpace) {
        inSpace = true;
        if (++words > max) return words;
      }
    } else inSpace = false;
  }
  return words;
}

/** Whether a paragraph reads as a headline: short, one line, no sentence-final punctuation. */
export function looksLikeHeadline(text: string): boolean {
  const t = text.trim();
  // A closing mark of any kind (including the '' some papers use for quotes) ends speech, not a headline.
  // (Tested first: it is the cheapest test and rules out most paragraphs.)
  if (endsWithClosingMark(t)) return false;
  if (t.includes('\n')) return false;
  const words = wordCount(t, 16);
  if (words < 3 || words > 16) return false;
  // A signed quote ("“Fix it now.” ― Maria Lopez") is speech.
  return !/[.!?,][”"’»]\s*[―—–-]\s*\p{Lu}/u.test(t);
}

/** Whether the text ends in one of . ! ? : ; " ' ” ’ » ) */
function endsWithClosingMark(t: string): boolean {
  const c = t.charCodeAt(t.length - 1);
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 58 ||
    c === 59 ||
    c === 34 ||
    c === 39 ||
    c === 0x201d ||
    c === 0x2019 ||
    c === 0xbb ||
    c === 41
  );
}

/** Why a paragraph is not article text, or null when it is. */
export function boilerplateReason(text: string): string | null {
  const t = text.trim();
  if (DATE_LINE.test(t)) return 'date line';
  if (MAIL_HEADER.test(t)) return 'page header';
  if (CALLS_TO_ACTION.test(t) || FOLLOW_ON.test(t)) return 'call to action';
  if (t.length < 120 && BYLINE.test(t)) return 'byline';
  if (t.length < 200 && CREDIT.test(t)) return 'photo credit';
  if (looksLikeHeadline(t)) return 'headline';
  return null;
}

/**
 * The paragraphs that are article text, renumbered from 1. When every paragraph reads as a headline
 * (a one-line text without a full stop), those lines are the article: dropping them would leave nothing.
 */
export function articleParagraphs(paragraphs: readonly Paragraph[]): Paragraph[] {
  const reasons = paragraphs.map((p) => boilerplateReason(p.text));
  let kept = paragraphs.filter((_p, i) => reasons[i] === null);
  if (kept.length === 0) kept = paragraphs.filter((_p, i) => reasons[i] === 'headline');
  return kept.map((p, i) => ({ ...p, index: i + 1 }));
}
