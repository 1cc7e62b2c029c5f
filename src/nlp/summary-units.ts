// Summary units: the splitter's sentences re-cut at caption seams, with boilerplate and dateline prefixes removed.
import { quoteOpenAtEnd } from './summary-compress.js';
import { moreSpaceSeparatedThan } from './tokens.js';
import type { Sentence } from './types.js';

/** One candidate sentence for a summary. */
export interface SummaryUnit {
  /** Text as a reader sees it: dateline prefixes such as "(CNN)" removed, spacing tidied. */
  text: string;
  /** 0-based order among the article's units. */
  order: number;
  /** 1-based paragraph of the sentence it came from. */
  paragraph: number;
  /** A photo caption, a label caption or a fragment without an end: counts for the topic, never shown. */
  caption: boolean;
  /** A quotation opened earlier in the paragraph is still open where the unit starts: it is quoted speech. */
  quoteOpen: boolean;
}

/**
 * Calls to action, page furniture and agency lines that are never article text, wherever they sit.
 * "see the video … below" looks at most 120 characters ahead: an unbounded look from every "see video"
 * in a long sentence without a full stop is quadratic.
 */
/** A cheap first look: only text holding one of these words can hold furniture (the full pattern is slow). */
const MAY_BE_FURNITURE = /scroll|graphic|read more|click|video|share this|mail to|rights reserved|follow @/i;
const FURNITURE =
  /\b(?:scroll down for (?:video|more)|warning:? graphic content|read more:?|click here\b[^.]*|(?:see|watch) (?:the )?video\b[^.]{0,120}?below|share this (?:article|story)|e-?mail to a friend|all rights reserved|follow @\w+)/giu;

/** A whole unit that is furniture: bylines, DailyMail page headers, credits, "contributed to this report". */
const FURNITURE_UNIT =
  /^(?:by\s*\.?$|by\s+[\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+){0,3}\s*\.?$|(?:published|updated|last updated)\b|\|\s*\.|daily mail reporter|mailonline reporter|associated press\s*\.?$|reuters\s*\.?$|(?:photo|image|video|picture)s?\s*(?:credit)?:|source:|advertisement\b)|contributed to this report\.?$/iu;
/** A short unit ending in a picture agency: a photo credit. */
const CREDIT = /\b(?:getty images|ap photo|afp|reuters|pa|rex features|splash news|epa|corbis)\)?\s*\.?$/iu;

/** "(CNN)", "(The Hollywood Reporter)", "LONDON, England (CNN) --": dateline prefixes of the first sentence. */
const DATELINE =
  /^(?:[\p{Lu}][\p{Lu}\p{L} .,'-]{0,40}\s*)?\((?:CNN|CNN Student News|The Hollywood Reporter|EW\.com|Reuters|AP|AFP|Mashable|Time\.com|Entertainment Weekly|Billboard|Rolling Stone|Wired|People\.com)\)\s*(?:--?|\u2014|\u2013)?\s*/u;

/** Sentence starters that, capitalised right after a word with no punctuation, begin a new sentence. */
const STARTERS =
  'The|A|An|He|She|They|We|His|Her|Their|It|Its|This|These|Those|There|In|On|At|After|Before|When|While|But|And|As|If|Now|Like|Meanwhile|However|Some|Many|Most|Speaking|Earlier|Despite|During|According';
/**
 * A seam where a caption with no full stop runs into the next sentence ("...on Friday He said", "...Friday 'I'd").
 * The white space comes first and the letter before it is looked behind for: a pattern that opens with the
 * look-behind tests a Unicode class at every character, and ran three times slower. (It is only run on
 * pieces cut at GAP, so its white space is one character: no long run for the look-behind to read again.)
 */
const SEAM = new RegExp(
  `[ \\t\\u00a0]+(?<=[\\p{L}\\p{N})%][ \\t\\u00a0]+)(?=(?:${STARTERS})[ \\u00a0]+[\\p{Ll}\\p{N}'\\u2018]|['\\u2018"\\u201c](?:I(?:['\\u2019][a-z]{1,2})?|He|She|They|We|It|We['\\u2019]re|It['\\u2019]s)\\s)`,
  'gu',
);
/** Runs of two or more spaces: what is left of a paragraph or caption break in flattened text. */
const GAP = /[ \t\u00a0]{2,}/g;

/** Photo-caption cues: "(pictured)", "(left)", "(file photo)". `[^()]` stops at the next "(": linear with many cues. */
const CAPTION_CUE =
  /\((?:pictured|left|right|centre|center|above|below|top|bottom|inset|file(?: photo| picture)?|second (?:left|right)|far (?:left|right)|front|back|circled|main)(?:[,;][^()]*)?\)|\bpictured(?:\s*(?:above|below|left|right))?\s*$/i;
/** DailyMail label captions: "Heroic: Alyssa McKenna, 9 (right), saved her brother". */
const LABEL_CAPTION =
  /^(?!(?:he|she|they|it|we|i|the)\b)[\p{Lu}'\u2018][\p{L}\p{N}'\u2019-]*(?:\s+[\p{L}\p{N}'\u2019-]+){0,4}:\s+['\u2018"\u201c]?[\p{Lu}\p{N}]/u;
/** A reporting verb before a colon is speech, not a label: "He said: 'We won'". */
const SPEECH_COLON =
  /\b(?:said|says|told|added|explained|wrote|tweeted|posted|revealed|insisted|continued|admitted)\b[^:]*:/i;
const ENDS = /[.!?\u2026]['"\u2019\u201d)\]]*$|['"\u2019\u201d]$/u;

/** A full stop standing alone after a sentence's own end ("NATO. ."): a translation or markup leftover. */
const STRAY_STOP = /([.!?]['"\u2019\u201d)]?)(?:\s+\.)+(?=\s|$)/g;

/**
 * Whatever tidy() would change: white space other than one space, a space before punctuation (which
 * STRAY_STOP also needs), a leading dash, bar or stop, white space at either end. Most units have none,
 * and one test is a third of the cost of the four replacements that would each find nothing.
 */
const UNTIDY = /[^\S ]| {2}|\s[.,;:!?](?=\s|$)|^[-\u2013\u2014|.\s]|\s$/;

function tidy(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return text
    .replace(/\s+/g, ' ')
    .replace(STRAY_STOP, '$1')
    .replace(/\s+([.,;:!?])(?=\s|$)/g, '$1')
    .replace(/^[-\u2013\u2014|.\s]+/, '')
    .trim();
}

/** Pieces of one sentence: cut at wide gaps and caption seams, each marked when it ends without a stop. */
function pieces(text: string): { text: string; cut: boolean }[] {
  const out: { text: string; cut: boolean }[] = [];
  const chunks: string[] = [];
  for (const chunk of text.split(GAP)) {
    // A gap before a lower-case word is a stray double space inside one sentence, not a break.
    if (chunks.length > 0 && /^['"\u2018\u201c(]?\p{Ll}/u.test(chunk)) chunks[chunks.length - 1] += ` ${chunk}`;
    else chunks.push(chunk);
  }
  for (const chunk of chunks) {
    const parts = chunk.split(SEAM);
    for (const part of parts) out.push({ text: part, cut: false });
  }
  for (let i = 0; i < out.length - 1; i++) {
    const p = out[i];
    if (p) p.cut = true;
  }
  return out;
}

/** Whether a unit reads as a photo caption rather than article text. */
export function looksLikeCaption(text: string): boolean {
  if (CAPTION_CUE.test(text)) return true;
  const label = LABEL_CAPTION.exec(text);
  if (label && !SPEECH_COLON.test(label[0])) return true;
  return false;
}

/** The article's candidate sentences, in order, with furniture dropped and captions marked. */
export function summaryUnits(sentences: readonly Sentence[]): SummaryUnit[] {
  const units: SummaryUnit[] = [];
  let paragraph = -1;
  let open = false;
  for (const [si, sentence] of sentences.entries()) {
    let text = sentence.text;
    if (si === 0 || units.length === 0) text = text.replace(DATELINE, '');
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      open = false;
    }
    for (const piece of pieces(text)) {
      const quoteOpen = open;
      open = quoteOpenAtEnd(piece.text, open);
      const cleaned = tidy(MAY_BE_FURNITURE.test(piece.text) ? piece.text.replace(FURNITURE, ' ') : piece.text);
      if (!/\p{L}/u.test(cleaned) || FURNITURE_UNIT.test(cleaned)) continue;
      // The word count first: it is cheap (counted, not split), and only short units can be credits.
      if (!moreSpaceSeparatedThan(cleaned, 7) && CREDIT.test(cleaned)) continue;
      const unfinished = piece.cut && !ENDS.test(cleaned);
      units.push({
        text: cleaned,
        order: units.length,
        paragraph: sentence.paragraph,
        caption: unfinished || looksLikeCaption(cleaned),
        quoteOpen,
      });
    }
  }
  return units;
}
