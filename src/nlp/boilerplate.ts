// Lines that are not article text: date lines, related-story headlines, captions, calls to action.
import type { Paragraph } from './types.js';

const CALLS_TO_ACTION =
  /^(?:read more|related|more:|see also|watch|click here|scroll down for (?:video|more)|warning:? graphic content|published:|updated:|last updated|e-?mail to a friend|sign up|subscribe|advertisement|photo:|image:|video:|follow us|share this|copyright|\(c\)|©)/i;
/** A DailyMail page header: "By . Jane Smith . PUBLISHED: 10:01 EST, 2 May 2014 . | . UPDATED: ...". */
const MAIL_HEADER = /^by\s*\.\s*[\p{Lu}][^\n]{0,160}?(?:published|updated):/iu;
const DATE_LINE = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*$/i;
const CREDIT =
  /\((?:photo|image|video)\s*(?:by|:|credit)|(?:getty images|associated press|reuters|afp|ap photo)\s*\)?\s*$/i;
const BYLINE =
  /^by\s+[\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,3}(?:\s*(?:,|and)\s*[\p{Lu}][\p{L}'.-]+(?:\s+[\p{Lu}][\p{L}'.-]+){0,3})*\s*(?:,\s*cnn|for dailymail\.com|,\s*[\p{L} ]{0,30})?$/iu;

/** Whether a paragraph reads as a headline: short, one line, no sentence-final punctuation. */
export function looksLikeHeadline(text: string): boolean {
  const t = text.trim();
  if (t.includes('\n')) return false;
  const words = t.split(/\s+/).length;
  if (words < 3 || words > 16) return false;
  return !/[.!?:;"\u201d\u2019)]$/.test(t);
}

/** Why a paragraph is not article text, or null when it is. */
export function boilerplateReason(text: string): string | null {
  const t = text.trim();
  if (DATE_LINE.test(t)) return 'date line';
  if (MAIL_HEADER.test(t)) return 'page header';
  if (CALLS_TO_ACTION.test(t)) return 'call to action';
  if (BYLINE.test(t) && t.length < 120) return 'byline';
  if (CREDIT.test(t) && t.length < 200) return 'photo credit';
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
