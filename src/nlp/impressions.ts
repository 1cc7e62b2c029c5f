// Impressions with no speaker: "X seems to Y", "X appeared ready to Y", "X is expected to Y".

import { AUXILIARIES, isAbbreviation, isWord, low } from './attribution-phrases.js';
import type { Token } from './tokens.js';

/** Verbs of seeming: the writer's impression of the subject, framed as an attribution with no source. */
const SEEM_FORMS: ReadonlySet<string> = new Set(['seem', 'seems', 'seemed', 'appear', 'appears', 'appeared']);

/** Adverbs and auxiliaries that sit between a subject and its verb chain ("is widely expected"). */
const CHAIN_WORDS: ReadonlySet<string> = new Set([
  ...AUXILIARIES,
  "n't",
  'also',
  'now',
  'still',
  'already',
  'widely',
  'generally',
  'largely',
  'originally',
  'initially',
  'increasingly',
  'once',
  'never',
  'even',
  'then',
  'only',
  'certainly',
  'clearly',
]);

/** After a verb of seeming these make it a physical appearance ("appeared on Fox", "appeared at a rally"). */
const NOT_AFTER_SEEM: ReadonlySet<string> = new Set([
  'on',
  'at',
  'in',
  'before',
  'with',
  'alongside',
  'together',
  'onstage',
  'for',
  'from',
  'by',
  'during',
  'as',
]);

/** Words that open a clause or a conjunct: a subject noun phrase starts after them. */
const SUBJECT_BOUNDARY: ReadonlySet<string> = new Set([
  'and',
  'but',
  'or',
  'so',
  'yet',
  'while',
  'whereas',
  'although',
  'though',
  'because',
  'since',
  'if',
  'unless',
  'when',
  'whenever',
  'where',
  'as',
  'than',
  'even',
  'however',
  'indeed',
  'instead',
  'meanwhile',
  'now',
  'then',
  'why',
  'how',
]);

/** Contracted clause openers ("it’s why X seemed"), speech verbs and "after"/"before": a subject starts after them. */
const SUBJECT_STOP =
  /^(?:(?:it|that|there|here|what|who)['’]s|after|before|until|said|says|say|reported|reports|wrote|writes)$/;

/** "America and Britain", "Trump and Cruz": an "and" between two capitalised words joins one subject. */
function isCoordinatedName(tokens: readonly Token[], m: number): boolean {
  return (
    low(tokens[m]) === 'and' && /^\p{Lu}/u.test(tokens[m - 1]?.text ?? '') && /^\p{Lu}/u.test(tokens[m + 1]?.text ?? '')
  );
}

/** Relative pronouns: the subject of a relative clause is the pronoun itself ("who seemed ready"). */
const RELATIVES: ReadonlySet<string> = new Set(['who', 'which', 'that', 'what']);

/** Words after which the impression's content ends: a new clause or a time clause. */
const CONTENT_END: ReadonlySet<string> = new Set(['when', 'because', 'although', 'though', 'but', 'whereas']);

/** The cue words impressionAt reads, for a cheap test before calling it. */
export const IMPRESSION_CUES: ReadonlySet<string> = new Set([...SEEM_FORMS, 'expected']);

export interface ImpressionSpans {
  /** The subject the impression is about, when it is not an empty "it". */
  subject: { start: number; end: number } | null;
  /** What seems to be so: the complement after the verb. */
  content: { start: number; end: number };
}

/**
 * The two parts PolNeAR-style annotation gives an impression: its subject ("The closures") and its
 * content ("to have brought some stability"). The cue is token v, a form of "seem"/"appear", or
 * "expected" after a form of "be". s0/s1 bound the sentence; quoted tokens are never part of it.
 */
export function impressionAt(
  tokens: readonly Token[],
  v: number,
  s0: number,
  s1: number,
  quoted: (k: number) => boolean,
): ImpressionSpans | null {
  const verb = tokens[v];
  if (!verb) return null;
  const l = verb.lower;
  // Walk back over the verb chain ("had", "is not widely", "would").
  let k = v - 1;
  let sawBe = false;
  while (k >= s0 && CHAIN_WORDS.has(low(tokens[k]))) {
    const w = low(tokens[k]);
    if (w === 'is' || w === 'are' || w === 'was' || w === 'were' || w === 'be' || w === 'been') sawBe = true;
    k--;
  }
  // "Trump's also expected": a contracted "is" stays on the subject's token.
  const contracted = k >= s0 && /['’]s$/.test(tokens[k]?.text ?? '') && !isWord(tokens[k + 1]);
  if (l === 'expected' && !sawBe) return null;
  if (l !== 'expected' && !SEEM_FORMS.has(l)) return null;
  // "ready to appear behind closed doors": an infinitive is an appearance, not an impression.
  if (low(tokens[v - 1]) === 'to') return null;
  if (contracted) return null;
  // Content: "to ..." / "like ..." / an adjective phrase, up to a comma, a dash or the sentence end.
  const c = v + 1;
  if (tokens[c]?.text === ',') return null;
  const next = low(tokens[c]);
  if (l === 'expected') {
    if (next !== 'to') return null;
  } else if (next === 'to') {
    // "appeared to reporters": "to" before a determiner or a name is a preposition.
    const after = tokens[c + 1];
    if (!after || !/^\p{Ll}/u.test(after.text) || ['the', 'a', 'an', 'his', 'her', 'their'].includes(after.lower))
      return null;
  } else if (!isWord(tokens[c]) || NOT_AFTER_SEEM.has(next) || /^\p{Lu}/u.test(tokens[c]?.text ?? '')) {
    return null;
  }
  let e = c;
  while (e < s1 && e < c + 60) {
    const t = tokens[e];
    if (!t) break;
    // Quoted words are part of the content ("to describe the address as “muscular”").
    if (quoted(e)) {
      e++;
      continue;
    }
    if (t.text === '-' && tokens[e + 1]?.text === '-') break;
    if (/^[,;:—–(.!?]$/.test(t.text) && !(t.text === '.' && isAbbreviation(tokens[e - 1]?.text ?? ''))) break;
    if (e > c && CONTENT_END.has(t.lower)) break;
    // "... on the first ballot and, if he follows tradition, ...": a new clause.
    if (e > c && (t.lower === 'and' || t.lower === 'but') && tokens[e + 1]?.text === ',') break;
    if (e > c && t.lower === 'even' && (low(tokens[e + 1]) === 'if' || low(tokens[e + 1]) === 'though')) break;
    e++;
  }
  const first = tokens[c];
  const last = tokens[e - 1];
  if (!first || !last || e <= c || (e - c < 2 && (first.lower === 'to' || !isWord(first)))) return null;
  const content = { start: first.start, end: last.end };
  // Subject: back from the verb chain to a comma, a clause word or the sentence start.
  let subject: ImpressionSpans['subject'] = null;
  if (k >= s0 && !quoted(k)) {
    const w = low(tokens[k]);
    if (RELATIVES.has(w)) {
      const t = tokens[k];
      if (t) subject = { start: t.start, end: t.end };
    } else if (isWord(tokens[k]) && w !== 'it' && !/n['’]t$/.test(w) && !SUBJECT_BOUNDARY.has(w)) {
      // "Cruz mentioned CNN and seemed ...": a second verb of an earlier subject has no subject span here.
      let f = k;
      let bounded = false;
      while (!bounded && k - f < 14) {
        const p = tokens[f - 1];
        if (f - 1 < s0 || !p || quoted(f - 1)) bounded = true;
        else if (!isWord(p) && !(p.text === '.' && isAbbreviation(tokens[f - 2]?.text ?? '')) && p.text !== '-')
          bounded = true;
        else if (isCoordinatedName(tokens, f - 1)) f--;
        else if (SUBJECT_BOUNDARY.has(p.lower) || RELATIVES.has(p.lower) || SUBJECT_STOP.test(p.lower)) bounded = true;
        else f--;
      }
      const a = tokens[f];
      const b = tokens[k];
      if (bounded && a && b) subject = { start: a.start, end: b.end };
    }
  }
  return { subject, content };
}
