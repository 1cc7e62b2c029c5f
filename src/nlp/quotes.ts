// Quotes and attribution: every attributed span, its speaker, role, cue and kind.

import { type MarkedSpan, markedSpans, overlapsSpan, spansFrom } from './attribution-marks.js';
import {
  ADVERBIALS,
  AUXILIARIES,
  BE_FORMS,
  CONTENT_BAD_START,
  cueAt,
  DETERMINERS,
  FUNCTION_WORDS,
  initialDescription,
  isAbbreviation,
  isCoordinatedCue,
  isEmbeddedAttribution,
  isWord,
  low,
  NOT_BEFORE_VERB,
  NOUN_AFTER_CUE,
  type Np,
  npLooksLikeSpeaker,
  npSane,
  POSSESSIVE_DETERMINERS,
  SUBORDINATORS,
  sentenceOpeningSubject,
  sentenceSubject,
  skipAdverbials,
  subjectAfter,
  subjectBefore,
  TIME_WORDS,
  tailLooksAdverbial,
  WH_WORDS,
} from './attribution-phrases.js';
import { type EntityMention, entityReading } from './entities.js';
import { IMPRESSION_CUES, impressionAt } from './impressions.js';
import { resolveSpeaker, type SpeakerMention } from './speaker.js';
import {
  ADDRESSEE_VERBS,
  BELIEF_VERBS,
  COMMITMENT_VERBS,
  DOCUMENT_NOUNS,
  EVIDENCE_VERBS,
  FRAMING_VERBS,
  SPEECH_VERBS,
  STANCE_PARTICLES,
  STANCE_VERBS,
  SUBJECT_PRONOUNS,
  VERB_PREFIX,
  WEAK_VERBS,
} from './speech-verbs.js';
import {
  countStartingBefore,
  FilteredWordSet,
  isCapitalised,
  moreSpaceSeparatedThan,
  type Token,
  tokenize,
  whiteSpaceSplitCount,
} from './tokens.js';
import type { Entity, Paragraph, Quote, QuoteKind, Sentence } from './types.js';

/** One attribution while it is being built: span, speaker mention, cue and kind. */
interface Attribution {
  start: number;
  end: number;
  speaker: SpeakerMention | null;
  cue: string | null;
  kind: QuoteKind;
  paragraph: number;
}

const FIRST_PERSON = /(?<![\p{L}])(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|we|We|our|Our|us|My)(?![\p{L}])/u;

/** Whether a speech or framing verb comes shortly before pos in the same sentence. */
function framedByVerb(body: string, pos: number): boolean {
  const before = body.slice(Math.max(0, pos - 100), pos);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  for (const w of before
    .slice(cut + 1)
    .toLowerCase()
    .split(/[^\p{L}’']+/u)) {
    if (SPEECH_VERBS.has(w) || FRAMING_VERBS.has(w)) return true;
  }
  return false;
}

/** Words right before a quoted title: "the show “The Apprentice,”", "an interview with “Fox News Sunday.”". */
const TITLE_BEFORE =
  /\b(?:show|program|programme|podcast|movie|film|book|documentary|song|album|series|column|article|op-ed|headline|magazine|newspaper|titled|entitled|called|named|dubbed|with|on|of|in|the)\W*$/;
/** "on ABC News's", "told CBS's", "the reality show": what comes right before a show's title. */
const PROGRAMME_BEFORE =
  /(?:\b(?:[Oo]n|[Tt]o|told|[Ww]ith)\s+(?:[\p{Lu}][\p{L}.&-]*\s+){0,3}[\p{Lu}][\p{L}.&-]*['’]s|\b(?:show|program|programme|podcast|series|sitcom|documentary|film|movie|book|memoir|column)),?\s*$/u;

/** A short capitalised span right after a programme cue: a title, not a quote. */
function isProgrammeTitle(body: string, span: MarkedSpan, paragraphStart: number): boolean {
  if (!span.closed) return false;
  const inner = body.slice(span.start + 1, span.end - 1);
  if (!isCapitalised(inner) || moreSpaceSeparatedThan(inner, 6)) return false;
  return PROGRAMME_BEFORE.test(body.slice(Math.max(paragraphStart, span.start - 60), span.start));
}

/** Framing verbs in their bare form are nouns ("the caustic chant") unless a modal or "to" comes first. */
const BARE_FRAMING = new Set([
  'call',
  'chant',
  'quote',
  'offer',
  'promise',
  'pledge',
  'vow',
  'echo',
  'blame',
  'praise',
  'thank',
  'label',
  'brand',
  'term',
  'coin',
  'reject',
]);
const BARE_VERB_BEFORE = new Set([
  'to',
  'will',
  'would',
  'could',
  'should',
  'may',
  'might',
  'must',
  'did',
  'do',
  'does',
  'i',
  'we',
  'you',
  'they',
]);
interface Context {
  body: string;
  entities: readonly Entity[];
  mentions: readonly EntityMention[];
  genders: readonly (string | null)[];
  entityStarts: ReadonlySet<number>;
}

function speakerOf(ctx: Context, tokens: readonly Token[], np: Np): SpeakerMention {
  const first = tokens[np.from];
  const last = tokens[np.to - 1];
  const start = first?.start ?? 0;
  const end = last?.end ?? start;
  const role =
    np.roleFrom >= 0 && np.roleTo > np.roleFrom
      ? ctx.body.slice(tokens[np.roleFrom]?.start ?? 0, tokens[np.roleTo - 1]?.end ?? 0)
      : null;
  return resolveSpeaker(ctx, start, end, role);
}

/** Pronouns that open a sentence carrying on a speaker's account of someone ("He was simply opposed ..."). */
const CARRIED_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they']);

/** Quantifiers before a noun ("every question", "few questions"). */
const QUANTIFIERS: ReadonlySet<string> = new Set([
  'every',
  'each',
  'few',
  'many',
  'several',
  'some',
  'no',
  'any',
  'more',
]);

/** Pronouns for anyone at all: a participle after one names a class of people ("anyone wanting to ..."). */
const INDEFINITE_PRONOUNS: ReadonlySet<string> = new Set([
  'anyone',
  'anybody',
  'someone',
  'somebody',
  'everyone',
  'everybody',
  'those',
]);

/** Words after which "attack" is still a verb: relatives, conjunctions, "to" and adverbs of time. */
const BEFORE_VERB_ATTACK: ReadonlySet<string> = new Set([
  'who',
  'that',
  'which',
  'and',
  'or',
  'but',
  'to',
  'also',
  'then',
  'not',
  'again',
  'now',
  'still',
  'never',
  'often',
]);

/** Words that open a short lead-in of time, place or manner ("On Monday,", "In response,", "Meanwhile,"). */
const FRAMING_LEAD_INS: ReadonlySet<string> = new Set([
  'on',
  'in',
  'at',
  'over',
  'throughout',
  'under',
  'outside',
  'after',
  'before',
  'during',
  'since',
  'for',
  'by',
  'until',
  'as',
  'with',
  'without',
  'from',
  'meanwhile',
  'initially',
  'later',
  'earlier',
  'finally',
  'then',
]);

/** Labels a desk puts before a colon ("The Latest:", "UPDATE:", "BYLINE:"): no one says what follows. */
const SECTION_LABELS: ReadonlySet<string> = new Set([
  'the latest',
  'update',
  'updated',
  'exclusive',
  'byline',
  'email',
  'clarification',
  'correction',
  'paid notice',
  'breaking',
  'breaking news',
  "editor's note",
  'editor’s note',
  'watch',
  'related',
]);

function isSectionLabel(tokens: readonly Token[], from: number, to: number): boolean {
  const words: string[] = [];
  for (let k = from; k < to; k++) words.push(low(tokens[k]));
  return SECTION_LABELS.has(words.join(' ').replace(/ (['’]s)\b/g, '$1'));
}

/**
 * A transcript label at a paragraph's start, after an optional opening mark: one to three words in
 * capitals ("PENCE:", "MIKE PENCE:") and a colon, with the turn's words after it.
 */
function transcriptTurn(tokens: readonly Token[]): { np: Np; textFrom: number } | null {
  let k = 0;
  if (/^[“"']$/.test(tokens[0]?.text ?? '')) k++;
  const from = k;
  while (k < from + 3 && /^\p{Lu}[\p{Lu}.'’-]+$/u.test(tokens[k]?.text ?? '')) k++;
  if (k === from || tokens[k]?.text !== ':' || tokens.length - k < 4) return null;
  if (isSectionLabel(tokens, from, k)) return null;
  return { np: { from, to: k, roleFrom: -1, roleTo: -1 }, textFrom: k + 1 };
}

/**
 * Token m closes a quoted phrase that ends in a comma ("“corrupt,”") and a new clause follows: a
 * participle cue ("noting that") or a conjunction with its own subject ("but he gave ...").
 */
function quotedCommaBreak(
  body: string,
  tokens: readonly Token[],
  inQuote: readonly (MarkedSpan | null)[],
  m: number,
): boolean {
  const span = inQuote[m];
  const t = tokens[m];
  const next = tokens[m + 1];
  if (!span || !t || !next || inQuote[m + 1] || t.end !== span.end) return false;
  if (!/,\s*[”"’']$/.test(body.slice(Math.max(span.start, span.end - 3), span.end))) return false;
  if (next.lower.endsWith('ing') && cueAt(tokens, m + 1)) return true;
  if (next.lower === 'but') return true;
  return (
    (next.lower === 'although' || next.lower === 'though') &&
    SUBJECT_PRONOUNS.has(low(tokens[m + 2])) &&
    low(tokens[m + 2]) !== 'i'
  );
}

/** The pronoun in a contraction before a progressive cue ("He’s claiming", "They’re saying"), resolved. */
function contractedSubject(ctx: Context, tok: Token | undefined): SpeakerMention | null {
  if (!tok) return null;
  const m = /^(he|she|it|they|we)['’](?:s|re)$/.exec(tok.lower);
  if (!m?.[1]) return null;
  return resolveSpeaker(ctx, tok.start, tok.start + m[1].length, null);
}

/** Auxiliaries and adverbs of the verb chain: never the verb that frames a quoted fragment by themselves. */
const NOT_FRAMING = new Set([...AUXILIARIES, 'also', 'still', 'never', 'just']);

const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they']);

/** Whether a noun phrase holds a named entity or one of the given pronouns. */
function namesSomeone(
  ctx: Context,
  tokens: readonly Token[],
  np: Np,
  pronouns: { has(word: string): boolean },
): boolean {
  for (let k = np.from; k < np.to; k++) {
    const tk = tokens[k];
    if (tk && (ctx.entityStarts.has(tk.start) || pronouns.has(tk.lower))) return true;
  }
  return false;
}

/**
 * The subject and main verb of the sentence before token q, when the subject is a named speaker (a
 * name, a described source, he, she or they) and a verb follows it directly (adverbs and auxiliaries
 * aside): "Trump openly admires ...", "The two presidents introduced ...".
 */
function subjectVerbBefore(
  ctx: Context,
  tokens: readonly Token[],
  s0: number,
  q: number,
): { np: Np; verb: number } | null {
  const np = sentenceSubject(tokens, s0, q);
  if (!np || np.to >= q || !npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) return null;
  // "Did Trump ...": a question's auxiliary is no subject.
  if (NOT_FRAMING.has(low(tokens[np.from]))) return null;
  if (!namesSomeone(ctx, tokens, np, PERSONAL_PRONOUNS)) return null;
  let m = np.to;
  while (m < q && (NOT_FRAMING.has(low(tokens[m])) || /^\p{Ll}+ly$/u.test(tokens[m]?.text ?? ''))) m++;
  const verb = tokens[m];
  if (!verb || m >= q - 0 || !isWord(verb) || !/^\p{Ll}/u.test(verb.text)) return null;
  if (FUNCTION_WORDS.has(verb.lower) || DETERMINERS.has(verb.lower)) return null;
  return { np, verb: m };
}

/** Particles of phrasal verbs that aim at their object ("go after", "lash out at", "rail against"). */
const PARTICLES = new Set(['after', 'at', 'about', 'against']);

/**
 * Whether the word after verb v is a particle of the verb itself ("called for", "called on", "referred
 * to", "talked about": STANCE_PARTICLES), so that what was said starts after it; a time or an adverbial
 * after it ("called on Tuesday") says when, and the particle is a preposition of its own.
 */
function stanceParticle(tokens: readonly Token[], v: number): boolean {
  if (!STANCE_PARTICLES.get(low(tokens[v]))?.has(low(tokens[v + 1]))) return false;
  const after = low(tokens[v + 2]);
  return !TIME_WORDS.has(after) && !ADVERBIALS.has(after);
}

/** `stanceParticle`, or "against" after any verb ("railed against", "warned against"). */
function verbParticle(tokens: readonly Token[], v: number): boolean {
  return low(tokens[v + 1]) === 'against' || stanceParticle(tokens, v);
}

/** "its “national reporter”", "the phrase “...”", "known as “...”": a label or a name, not words said. */
const LABEL_BEFORE = /\b(?:its|his|her|their|our|my|phrase|term|word|words|slogan|as)\W*$/;

/** Whether the words right before a span name it a title or a label. */
function labelledBefore(body: string, span: MarkedSpan, paragraphStart: number): boolean {
  const before = body.slice(Math.max(paragraphStart, span.start - 30), span.start).toLowerCase();
  return TITLE_BEFORE.test(before) || LABEL_BEFORE.test(before);
}

/** A short quoted span of capitalised words ("“The Apprentice”"): a title, not someone's words. */
function looksLikeTitle(body: string, span: MarkedSpan): boolean {
  const words = body
    .slice(span.start + 1, span.end - 1)
    .replace(/[,.]$/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 6) return false;
  return words.every((w) => isCapitalised(w) || ['of', 'the', 'a', 'an', 'and', 'in', 'on', 'to', 'for'].includes(w));
}

/** "as NP put it" starting at token j (before hi): the NP, or null. */
function asPutIt(tokens: readonly Token[], j: number, hi: number): Np | null {
  if (low(tokens[j]) !== 'as') return null;
  let k = j + 1;
  while (k < hi && k < j + 10 && low(tokens[k]) !== 'put' && isWord(tokens[k])) k++;
  if (low(tokens[k]) !== 'put' || low(tokens[k + 1]) !== 'it' || k === j + 1) return null;
  return { from: j + 1, to: k, roleFrom: -1, roleTo: -1 };
}

/** Whether a noun phrase is a time ("early Friday", "last week"). */
function npHasTime(tokens: readonly Token[], np: Np): boolean {
  for (let k = np.from; k < np.to; k++) if (TIME_WORDS.has(low(tokens[k]))) return true;
  return false;
}

const SIGNATURE_DASHES = new Set(['—', '―', '–', '-']);

/**
 * A signature after a quote: a dash, a capitalised name (and optionally ", role"), then the end of
 * the line or paragraph ("“...” ― Jane Doe" / "“...” — John Smith, a teacher."). Null otherwise.
 */
function signatureAt(body: string, tokens: readonly Token[], a: number, paragraphEnd: number): Np | null {
  const dash = tokens[a];
  if (!dash || !SIGNATURE_DASHES.has(dash.text)) return null;
  const newline = body.indexOf('\n', dash.end);
  const lineEnd = newline < 0 || newline > paragraphEnd ? paragraphEnd : newline;
  let k = a + 1;
  while (k < tokens.length && k < a + 7 && (tokens[k]?.start ?? lineEnd) < lineEnd) {
    const t = tokens[k];
    // An initial's period stays in the name ("Julie A. Diaz").
    const initial = t?.text === '.' && /^\p{Lu}$/u.test(tokens[k - 1]?.text ?? '') && k - 1 > a + 1;
    if (!t || (!initial && (!isWord(t) || !isCapitalised(t.text)))) break;
    k++;
  }
  const nameTo = k;
  if (nameTo === a + 1) return null;
  let roleFrom = -1;
  let roleTo = -1;
  if (tokens[k]?.text === ',' && (tokens[k]?.start ?? lineEnd) < lineEnd) {
    roleFrom = k + 1;
    while (k < tokens.length && (tokens[k]?.start ?? lineEnd) < lineEnd) k++;
    if (k - roleFrom > 10) return null;
    roleTo = tokens[k - 1]?.text === '.' ? k - 1 : k;
  }
  if (tokens[k]?.text === '.' && (tokens[k]?.start ?? lineEnd) < lineEnd) k++;
  // The line ends right after the signature.
  if (k < tokens.length && (tokens[k]?.start ?? lineEnd) < lineEnd) return null;
  return { from: a + 1, to: nameTo, roleFrom, roleTo };
}

/** Trims the content end: no final period or comma outside the quotation marks. */
function trimEnd(body: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s.,;:]/.test(body[e - 1] ?? '')) e--;
  if (e > start && body[e - 1] === '?') return e;
  return e;
}

/**
 * Every attribution in the article: direct quotes with their speakers, mixed and indirect speech,
 * quotes whose marks were lost (unmarked), continuations, nested quotes, anonymous sources.
 */
export function extractQuotes(
  body: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  entities: readonly Entity[],
): Quote[] {
  const reading = entityReading(entities);
  const mentions = reading?.mentions ?? [];
  const ctx: Context = {
    body,
    entities,
    mentions,
    genders: reading?.genders ?? [],
    entityStarts: new Set(mentions.map((m) => m.start)),
  };
  const spans = markedSpans(body, paragraphs);
  // Each mention's end by its start, built on first use: only a nested quote's speaker needs it.
  let mentionEndAt: Map<number, number> | undefined;
  const mentionEnd = (start: number): number | undefined => {
    mentionEndAt ??= new Map(mentions.map((m) => [m.start, m.end]));
    return mentionEndAt.get(start);
  };
  // Sentence tokens from the entity pass, regrouped by paragraph; tokenize again only without them.
  const bySentence = reading?.tokens;
  // Or each paragraph's own tokens, when the entity pass read these very paragraphs.
  const byParagraph = reading?.paragraphs === paragraphs ? reading.byParagraph : undefined;
  let sentenceIdx = 0;
  const paragraphTokens = (p: Paragraph): Token[] => {
    const own = byParagraph?.get(p);
    if (own) return own;
    if (!bySentence || bySentence.length !== sentences.length) return tokenize(body, p.start, p.end);
    const out: Token[] = [];
    while (sentenceIdx < sentences.length && (sentences[sentenceIdx]?.start ?? 0) < p.start) sentenceIdx++;
    while (sentenceIdx < sentences.length && (sentences[sentenceIdx]?.end ?? 0) <= p.end) {
      for (const t of bySentence[sentenceIdx] ?? []) out.push(t);
      sentenceIdx++;
    }
    return out;
  };
  const results: Attribution[] = [];
  const usedCues = new Set<number>();
  const direct = new Map<MarkedSpan, Attribution>();
  const titles = new Set<MarkedSpan>();
  let previous: Attribution | null = null;
  let spanIdx = 0;

  for (const p of paragraphs) {
    const tokens = paragraphTokens(p);
    const resultsAtParagraphStart = results.length;
    // Which quotation-mark span each token is in: one merge pass over tokens and spans.
    const inQuote: (MarkedSpan | null)[] = new Array(tokens.length).fill(null);
    {
      let si = spanIdx > 0 ? spanIdx - 1 : 0;
      while (si > 0 && (spans[si]?.end ?? 0) > p.start) si--;
      for (let ti = 0; ti < tokens.length; ti++) {
        const pos = tokens[ti]?.start ?? 0;
        while (si < spans.length && (spans[si]?.end ?? 0) <= pos) si++;
        const sp = spans[si];
        if (sp && sp.start <= pos && pos < sp.end) inQuote[ti] = sp;
      }
    }
    const pSpans: MarkedSpan[] = [];
    while (spanIdx < spans.length && (spans[spanIdx]?.paragraph ?? 0) <= p.index) {
      const s = spans[spanIdx];
      if (s && s.paragraph === p.index) pSpans.push(s);
      spanIdx++;
    }
    // A transcript turn ("PENCE: Well, look, ..."): the whole paragraph is the labelled speaker's.
    const turn = transcriptTurn(tokens);
    if (turn) {
      const first = tokens[turn.textFrom];
      const lastTok = tokens[tokens.length - 1];
      if (first && lastTok) {
        const att: Attribution = {
          start: first.start,
          end: lastTok.end,
          speaker: speakerOf(ctx, tokens, turn.np),
          cue: ':',
          kind: 'direct',
          paragraph: p.index,
        };
        for (const sp of pSpans) sp.absorbed = true;
        results.push(att);
        previous = att;
        continue;
      }
    }
    // Sentence starts and ends, outside quotation marks (in one pass: a start is the token after the last end).
    const sentEnd: number[] = new Array(tokens.length).fill(tokens.length);
    const sentStart: number[] = new Array(tokens.length).fill(0);
    {
      let from = 0;
      for (let i = 0; i < tokens.length; i++) {
        sentStart[i] = from;
        const t = tokens[i];
        // Only one-character punctuation tokens can end a sentence.
        if (t === undefined) continue;
        if (t.text.length !== 1 || isWord(t)) continue;
        // Only these can end a sentence: . ! ? ; and a closing quotation mark after one.
        if (!SENTENCE_END_MARKS.has(t.text)) continue;
        const isEnd =
          t &&
          /^[.!?;]$/.test(t.text) &&
          !inQuote[i] &&
          (i + 1 >= tokens.length ||
            t.text === ';' ||
            isCapitalised(tokens[i + 1]?.text ?? 'A') ||
            // "... an outsider. 28 percent said": a figure opens a sentence after a lower-case word.
            (t.text === '.' &&
              /^\p{N}/u.test(tokens[i + 1]?.text ?? '') &&
              /^\p{Ll}{2}/u.test(tokens[i - 1]?.text ?? '')) ||
            /^[“"‘('`«]/.test(tokens[i + 1]?.text ?? ''));
        const closesQuote =
          t !== undefined &&
          /^[”"»']$/.test(t.text) &&
          (/^[.!?]$/.test(tokens[i - 1]?.text ?? '') ||
            (tokens[i - 1]?.text === "'" && /^[.!?]$/.test(tokens[i - 2]?.text ?? ''))) &&
          (isCapitalised(tokens[i + 1]?.text ?? 'a') || /^[“"'`]/.test(tokens[i + 1]?.text ?? ''));
        const abbrev =
          isEnd &&
          t?.text === '.' &&
          /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|Inc|Corp|Prof)$/u.test(tokens[i - 1]?.text ?? '');
        if ((isEnd && !abbrev) || closesQuote) {
          for (let k = from; k <= i; k++) sentEnd[k] = i + 1;
          from = i + 1;
        }
      }
      for (let k = from; k < tokens.length; k++) sentEnd[k] = tokens.length;
    }
    const firstTokenAt = (pos: number): number => countStartingBefore(tokens, pos);

    // 1. Direct quotes: the attribution after ("...," she said) or before (she said: "...").
    for (const span of pSpans) {
      // A programme or show named in a lead-in ("On CBS's “Face the Nation,” Sanders said") is a title.
      if (isProgrammeTitle(body, span, p.start)) {
        titles.add(span);
        continue;
      }
      const a = firstTokenAt(span.end);
      const b = firstTokenAt(span.start) - 1;
      let speaker: SpeakerMention | null = null;
      let cue: string | null = null;
      let attributedAfter = false;
      const tryAfter = () => {
        tryAfterInner();
        if (speaker) attributedAfter = true;
      };
      const tryAfterInner = () => {
        let j = a;
        if (tokens[j]?.text === ',' || tokens[j]?.text === '—') j++;
        const hi = sentEnd[j] ?? tokens.length;
        // "“...,” as a Homeland Security memo put it."
        const asPut = asPutIt(tokens, j, hi);
        if (asPut) {
          speaker = speakerOf(ctx, tokens, asPut);
          cue = 'put it';
          return;
        }
        const c1 = cueAt(tokens, j);
        if (j >= tokens.length || inQuote[j]) return;
        if (c1) {
          const np = subjectAfter(tokens, c1.next, hi);
          if (np && npSane(tokens, np) && (np.to - np.from <= 6 || npLooksLikeSpeaker(tokens, np, ctx.entityStarts))) {
            speaker = speakerOf(ctx, tokens, np);
            cue = tokens[j]?.text ?? null;
            usedCues.add(tokens[j]?.start ?? -1);
          }
          return;
        }
        // "...," Kelly said / "...," House Speaker Paul Ryan, the chair, told
        let k = j;
        let commas = 0;
        while (k < hi && k < j + 32) {
          if (cueAt(tokens, k)) break;
          if (tokens[k]?.text === '(') {
            // "Sen. Chuck Schumer (D-N.Y.) said": step over the brackets.
            let c = k + 1;
            while (c < hi && c < k + 10 && tokens[c]?.text !== ')') c++;
            if (tokens[c]?.text === ')') {
              k = c + 1;
              continue;
            }
          }
          if (tokens[k]?.text === ',') commas++;
          const abbrevDot = tokens[k]?.text === '.' && isAbbreviation(tokens[k - 1]?.text ?? '');
          if (commas > 5 || inQuote[k] || (/^[;:.“”"]$/.test(tokens[k]?.text ?? '') && !abbrevDot)) {
            k = hi;
            break;
          }
          k++;
        }
        const c2 = k < hi ? cueAt(tokens, k) : null;
        // "On the broadcast of “Fox News Sunday,” Pence said his running mate ...": the cue governs the
        // clause after it, so the marked words before are not what was said.
        const clauseAfter = c2 !== null && hi - c2.next > 4 && !tailLooksAdverbial(tokens, c2.next, hi, c2.base);
        if (c2 && !clauseAfter) {
          const np = subjectBefore(tokens, k, j);
          const okStart = np !== null && !FUNCTION_WORDS.has(low(tokens[np.from])) && npSane(tokens, np);
          if (
            np &&
            okStart &&
            np.from === j &&
            (np.to - np.from <= 8 || npLooksLikeSpeaker(tokens, np, ctx.entityStarts))
          ) {
            speaker = speakerOf(ctx, tokens, np);
            cue = tokens[k]?.text ?? null;
            usedCues.add(tokens[k]?.start ?? -1);
          }
        }
      };
      const tryBefore = () => {
        if (b < 0) return;
        // she said: "..." / According to HuffPo: "..." / Stated Stone: "..."
        let k = b;
        const punct = /^[:,—]$/.test(tokens[k]?.text ?? '');
        if (punct) k--;
        // "as The New Yorker put it in a lengthy expose, “...”"
        if (punct) {
          const s0b = sentStart[Math.max(0, b)] ?? 0;
          for (let c = k; c >= s0b && c >= k - 14; c--) {
            if (inQuote[c]) break;
            if (low(tokens[c]) !== 'as') continue;
            const np = asPutIt(tokens, c, k + 1);
            if (np) {
              speaker = speakerOf(ctx, tokens, np);
              cue = 'put it';
            }
            break;
          }
          if (speaker) return;
        }
        // Without a colon or comma the cue must touch the quote; a clause in between makes it mixed.
        const lo = punct ? Math.max(sentStart[Math.max(0, b)] ?? 0, b - 16) : k;
        if (!punct && a < tokens.length && !/^[.!?;,]$/.test(tokens[a]?.text ?? '') && !inQuote[a]) return;
        for (let c = k; c >= lo; c--) {
          if (inQuote[c] || low(tokens[c]) === 'that') break;
          const cc = cueAt(tokens, c);
          if (!cc) continue;
          if (
            tokens[c - 1]?.text === ',' &&
            low(tokens[c]).endsWith('ing') &&
            previous?.speaker &&
            previous.paragraph === p.index
          ) {
            // "..., he said, adding, “...”": the same speaker goes on.
            speaker = previous.speaker;
            cue = tokens[c]?.text ?? null;
            usedCues.add(tokens[c]?.start ?? -1);
            return;
          }
          // "..., Blige sings to Clinton before asking her, “...”": a participle speaks for the speaker
          // already quoted in this sentence, or for its subject.
          if (low(tokens[c]).endsWith('ing') && low(tokens[c - 1]) !== ',' && cc.base !== 'according to') {
            const s0c = sentStart[c] ?? 0;
            const sameSentence =
              previous?.speaker && previous.paragraph === p.index && previous.start >= (tokens[s0c]?.start ?? 0);
            if (sameSentence && previous?.speaker) {
              speaker = previous.speaker;
              cue = tokens[c]?.text ?? null;
              usedCues.add(tokens[c]?.start ?? -1);
              return;
            }
            // "Protesters marched past the stadium while chanting, “...”": the sentence's subject.
            let subject: Np | null = null;
            if (!subjectBefore(tokens, c, s0c)) {
              subject = initialDescription(tokens, s0c, c);
              const main = subject ? null : sentenceSubject(tokens, s0c, c);
              if (main && namesSomeone(ctx, tokens, main, SUBJECT_PRONOUNS)) subject = main;
            }
            if (subject && npLooksLikeSpeaker(tokens, subject, ctx.entityStarts)) {
              speaker = speakerOf(ctx, tokens, subject);
              cue = tokens[c]?.text ?? null;
              usedCues.add(tokens[c]?.start ?? -1);
              return;
            }
          }
          let np =
            cc.base === 'according to'
              ? subjectAfter(tokens, cc.next, k + 1)
              : subjectBefore(tokens, c, sentStart[c] ?? 0);
          if (!np || !npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) {
            const after = subjectAfter(tokens, cc.next, k + 1);
            if (after && npLooksLikeSpeaker(tokens, after, ctx.entityStarts)) np = after;
            else if (!np) {
              // "and said," after a named subject: the same speaker as the previous attribution.
              const s0 = sentStart[c] ?? 0;
              const pronoun = low(tokens[s0]);
              if (low(tokens[c - 1]) === 'and' && (pronoun === 'he' || pronoun === 'she')) {
                const tok = tokens[s0];
                if (tok) speaker = resolveSpeaker(ctx, tok.start, tok.end, null);
                cue = tokens[c]?.text ?? null;
                usedCues.add(tokens[c]?.start ?? -1);
              } else if (previous?.speaker && low(tokens[c - 1]) === 'and') {
                speaker = previous.speaker;
                cue = tokens[c]?.text ?? null;
                usedCues.add(tokens[c]?.start ?? -1);
              }
              return;
            }
          }
          if (np && npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) {
            speaker = speakerOf(ctx, tokens, np);
            cue = cc.base === 'according to' ? 'according to' : (tokens[c]?.text ?? null);
            usedCues.add(tokens[c]?.start ?? -1);
          }
          return;
        }
      };
      const inner = body.slice(Math.max(span.start, span.end - 3), span.end);
      const endsSentence = span.closed && /[.]\s*[”"»']*$/.test(inner);
      const framedBefore = (): boolean => {
        const s0 = sentStart[Math.max(0, b)] ?? 0;
        for (let k = b; k >= s0 && k >= b - 12; k--) {
          if (inQuote[k]) return false;
          const l = low(tokens[k]);
          if (FRAMING_VERBS.has(l) || SPEECH_VERBS.has(l)) return true;
        }
        return false;
      };
      // “...” ― Jane Doe: a signature on the quote's own line, a name and at most a short role.
      const signature = span.closed ? signatureAt(body, tokens, a, p.end) : null;
      if (signature) {
        speaker = speakerOf(ctx, tokens, signature);
        cue = tokens[a]?.text ?? null;
      } else if (endsSentence) {
        tryBefore();
        if (!speaker && !(b >= 0 && framedBefore())) tryAfter();
      } else {
        tryAfter();
        if (!speaker) tryBefore();
      }
      if (!speaker && span.start === p.start) {
        const prevSpeaker = colonIntro(ctx, body, paragraphs, p.index);
        if (prevSpeaker) {
          speaker = prevSpeaker.speaker;
          cue = prevSpeaker.cue;
        }
      }
      if (speaker) {
        const att: Attribution = { start: span.start, end: span.end, speaker, cue, kind: 'direct', paragraph: p.index };
        // "Trump's misinformation may be “strategic,” said Hemsley": the whole clause is the quote.
        const q0 = b + 1;
        const s0 = sentStart[q0] ?? q0;
        if (attributedAfter && s0 < q0 && tokens[s0]?.start !== undefined) {
          // A long sentence: the clause that holds the quote starts after the last comma before it.
          let from = s0;
          if (q0 - s0 > 30) {
            let c = q0 - 1;
            while (c > s0 && q0 - c <= 30 && tokens[c]?.text !== ',' && !inQuote[c]) c--;
            from = tokens[c]?.text === ',' && q0 - c > 3 ? c + 1 : q0;
          }
          let clean = from < q0;
          for (let k = from; k < q0 && clean; k++) clean = !inQuote[k] && !cueAt(tokens, k);
          if (clean && !(previous && previous.end > (tokens[from]?.start ?? 0))) {
            att.start = tokens[from]?.start ?? att.start;
            att.kind = 'mixed';
          }
        }
        direct.set(span, att);
        previous = att;
      }
    }

    // 1b. A headline in the form "Graham: Trump's rhetoric destroying GOP's chance".
    if (p.index === 1 && tokens.length < 60) {
      let c = 0;
      while (c < tokens.length && c < 6 && tokens[c]?.text !== ':') c++;
      const head = tokens[0];
      const first = tokens[c + 1];
      const lastTok = tokens[tokens.length - 1];
      if (
        tokens[c]?.text === ':' &&
        c >= 1 &&
        head &&
        isCapitalised(head.text) &&
        first &&
        lastTok &&
        tokens.length - c > 4
      ) {
        const np: Np = { from: 0, to: c, roleFrom: -1, roleTo: -1 };
        if (
          (npLooksLikeSpeaker(tokens, np, ctx.entityStarts) || isCapitalised(tokens[c - 1]?.text ?? '')) &&
          !isSectionLabel(tokens, 0, c)
        ) {
          const end = trimEnd(body, first.start, lastTok.end);
          results.push({
            start: first.start,
            end,
            speaker: speakerOf(ctx, tokens, np),
            cue: ':',
            kind: 'indirect',
            paragraph: p.index,
          });
          for (const sp of spansFrom(pSpans, first.start, end + 1)) sp.absorbed = true;
        }
      }
      const headline = headlineCue(ctx, body, tokens, p.index);
      if (headline && !results.some((r) => r.start < headline.end && r.end > headline.start)) {
        for (const sp of spansFrom(pSpans, headline.start, headline.end + 1)) sp.absorbed = true;
        results.push(headline);
      }
    }

    // 2. Indirect speech and quotes whose marks were lost, clause by clause.
    let lastSentenceAttribution: Attribution | null = null;
    // The clause at token i is read by a function of its own, which returns the token to go on from. This
    // loop body is a third of extractQuotes: inside it, V8 compiles all of extractQuotes (29 KB of bytecode)
    // as one optimizing job, which takes seconds on a loaded machine, and until it is done every article
    // is read by unoptimized code. Apart, the two smaller jobs are done sooner (eval:quotes' extraction
    // figure on a loaded machine, six runs each: median 12x -> 8x the tokenization time).
    const clauseAt = (i: number): number => {
      if (inQuote[i]) return i;
      const t = tokens[i];
      // Most words open no clause here (see CLAUSE_CUE_WORDS; "in" may open a poll's).
      if (!t || (t.lower !== 'in' && !CLAUSE_CUE_WORDS.has(t.lower)) || usedCues.has(t.start)) return i;
      if (t.lower === 'in' && i === (sentStart[i] ?? 0)) {
        // "In the latest poll, Trump leads by five": the poll speaks for the clause after its comma.
        const found = pollLeadIn(ctx, tokens, i, sentEnd[i] ?? tokens.length, inQuote, p.index);
        if (found) {
          found.end = trimEnd(body, found.start, found.end);
          results.push(found);
          return i;
        }
      }
      if (t.lower === 'reportedly') {
        // "The group is reportedly spending $1.5 million": unnamed reports carry both the subject and the
        // rest of the clause, as two spans with no speaker.
        const found = reportedlyAt(tokens, i, sentStart[i] ?? 0, sentEnd[i] ?? tokens.length, inQuote, p.index);
        if (found.length > 0) {
          for (const f of found) f.end = trimEnd(body, f.start, f.end);
          results.push(...found);
          return i;
        }
      }
      if (!CLAUSE_CUE_WORDS.has(t.lower)) return i;
      if (IMPRESSION_CUES.has(t.lower)) {
        // "The closures appear to have helped": the writer's impression, with no one named as its source.
        const imp = impressionAt(tokens, i, sentStart[i] ?? 0, sentEnd[i] ?? tokens.length, (k) => inQuote[k] != null);
        if (imp) {
          if (imp.subject)
            results.push({ ...imp.subject, speaker: null, cue: t.text, kind: 'indirect', paragraph: p.index });
          results.push({ ...imp.content, speaker: null, cue: t.text, kind: 'indirect', paragraph: p.index });
          return i;
        }
      }
      // "anyone wanting to borrow", "those responding to the poll": a participle on an indefinite pronoun
      // describes a class of people, and no one in particular speaks.
      if (t.lower.endsWith('ing') && INDEFINITE_PRONOUNS.has(low(tokens[i - 1]))) return i;
      // "called for a ban", "talked about the economy": the particle makes the verb a stance (a speech
      // verb too), and its object follows the particle.
      const particle = stanceParticle(tokens, i) ? 1 : 0;
      // "vowed to block the nominee", "urged the board to resign": a commitment's plan is its object.
      const commitment = COMMITMENT_VERBS.get(t.lower);
      const plan =
        commitment !== undefined &&
        (low(tokens[i + 1]) === 'to' ||
          (commitment === 'urge' && isWord(tokens[i + 1]) && low(tokens[i + 1]) !== 'that'));
      // "demanded answers", "questioned long-held rules": a weak speech verb with a bare noun object and no
      // clause after it (no subject, determiner or name opening one) takes a stance toward the object.
      const topic =
        TOPIC_VERBS.has(SPEECH_VERBS.get(t.lower) ?? '') &&
        isWord(tokens[i + 1]) &&
        low(tokens[i + 1]) !== 'that' &&
        !WH_WORDS.has(low(tokens[i + 1])) &&
        (!opensClause(tokens, i + 1) || questionedNoun(tokens, i));
      // "Experts see the vote as a test", "many view him as the stronger candidate": a view of something.
      const view = VIEW_VERBS.has(t.lower) && asComplementAfter(tokens, i + 1, sentEnd[i] ?? tokens.length);
      // "Sanders called him divisive", "calling Trump a fascist": a name given to someone, without quotation marks.
      const naming = CALL_FORMS.has(t.lower) && namingObject(tokens, i + 1, inQuote);
      const cc = particle || plan || topic || view || naming ? null : cueAt(tokens, i);
      if (!cc) {
        if (!particle && !plan && !topic && !view && !naming && !STANCE_VERBS.has(t.lower)) return i;
        // "a government plan", "sought the nomination", "offered no details": these take a stance only
        // toward an infinitive ("plans to run", "sought to block").
        if (INFINITIVE_STANCES.has(t.lower) && low(tokens[i + 1]) !== 'to') return i;
        let pw = i - 1;
        while (pw > 0 && (low(tokens[pw]).endsWith('ly') || ADVERBIALS.has(low(tokens[pw])))) pw--;
        const prevWord = low(tokens[pw]);
        // "A big question remains", "fired every question to him": after a determiner and a modifier, or a
        // quantifier, "question" is the noun.
        if (
          topic &&
          /^\p{Ll}/u.test(tokens[pw]?.text ?? '') &&
          (DETERMINERS.has(low(tokens[pw - 1])) || QUANTIFIERS.has(prevWord))
        )
          return i;
        // "withering attacks against Rubio", "terror attacks changed the race": after a modifier or an object
        // "attack" is the noun; the verb follows its subject ("they attack", "who attacked") or a conjunction.
        if (
          (t.lower === 'attack' || t.lower === 'attacks') &&
          /^\p{Ll}/u.test(tokens[pw]?.text ?? '') &&
          !SUBJECT_PRONOUNS.has(prevWord) &&
          !AUXILIARIES.has(prevWord) &&
          !BEFORE_VERB_ATTACK.has(prevWord)
        )
          return i;
        // "Republicans are urging him to ...", "voters were criticizing the plan": a progressive, not a passive.
        const progressive = t.lower.endsWith('ing') && BE_FORMS.has(prevWord);
        if (!NOT_BEFORE_VERB.has(prevWord) && (progressive || !NOT_BEFORE_STANCE.has(prevWord))) {
          // "Christie endorsed Trump last week": a stance toward its object is attributed too.
          const stance = stanceAttribution(
            ctx,
            tokens,
            i,
            sentStart[i] ?? 0,
            sentEnd[i] ?? tokens.length,
            inQuote,
            p.index,
            i + 1 + particle,
          );
          if (stance) {
            for (const sp of spansFrom(pSpans, stance.start, stance.end + 1)) {
              if (sp.end <= stance.end + 1) {
                sp.absorbed = true;
                stance.kind = 'mixed';
                if (sp.end > stance.end) stance.end = sp.end;
              }
            }
            results.push(stance);
            i = Math.max(i, firstTokenAt(stance.end) - 1);
          }
        } else if (t.lower.endsWith('ed') && PASSIVE_BE.has(prevWord)) {
          // "Trump has been criticized by his rivals for ...": the one a stance is taken toward.
          const target = passiveStance(ctx, tokens, i, pw + 1, sentStart[i] ?? 0, sentEnd[i] ?? tokens.length, p.index);
          if (target) results.push(target);
        }
        return i;
      }
      const s0 = sentStart[i] ?? 0;
      const s1 = sentEnd[i] ?? tokens.length;
      const sentenceFirst = tokens[s0];
      const sentenceLast = tokens[s1 - 1];
      if (!sentenceFirst || !sentenceLast) return i;
      const weak = WEAK_VERBS.has(cc.base);
      let att: Attribution | null = null;
      if (cc.base === 'according to') {
        const found = subjectAfter(tokens, cc.next, s1);
        if (!found) return i;
        const np = { ...found, roleFrom: -1, roleTo: -1 };
        // "According to the exit polls in New Hampshire, ...": the source runs to the comma.
        if (tokens[np.to]?.text !== ',') {
          let c = np.to;
          while (c < s1 && c < np.to + 10 && isWord(tokens[c])) c++;
          if (tokens[c]?.text === ',') np.to = c;
        }
        const speaker = speakerOf(ctx, tokens, np);
        const comma = tokens[np.to];
        const afterComma = comma?.text === ',' && s1 - (np.to + 1) >= 3;
        if (tokens[i - 1]?.text === ',' && !(afterComma && SUBORDINATORS.has(low(sentenceFirst)))) {
          const end = tokens[i - 2];
          // "But the poll is close, according to ...": a connective opening the sentence is not reported.
          let from = s0;
          if (CONNECTIVES.has(low(tokens[from]))) from++;
          else if (low(tokens[from]) === 'even' && low(tokens[from + 1]) === 'so') from += 2;
          else if (
            /^(?:in|of)$/.test(low(tokens[from])) &&
            /^(?:fact|all|course|addition)$/.test(low(tokens[from + 1]))
          )
            from += 2;
          if (from > s0 && tokens[from]?.text === ',') from++;
          const first = from < i - 2 ? (tokens[from] ?? sentenceFirst) : sentenceFirst;
          if (end && i - 2 >= s0) att = mk(first.start, end.end, speaker, 'according to', p.index);
        } else if (comma?.text === ',' && np.to + 1 < s1) {
          const first = tokens[np.to + 1];
          if (first) att = mk(first.start, sentenceLast.end, speaker, 'according to', p.index);
        } else if ((np.roleTo > 0 ? tokens[np.roleTo] : undefined)?.text === ',') {
          const first = tokens[np.roleTo + 1];
          if (first) att = mk(first.start, sentenceLast.end, speaker, 'according to', p.index);
        }
      } else if (cc.base === 'ask' && (i === s0 || (i === s0 + 1 && low(tokens[s0]) === 'when'))) {
        // "Asked if he was ever bullied, the candidate said no": the question, with no speaker given.
        let k = skipAdverbials(tokens, cc.next, s1);
        if (low(tokens[k]) === 'about') k++;
        let e = k;
        while (e < s1 && tokens[e]?.text !== ',' && e < k + 40) e++;
        const first = tokens[k];
        const lastTok = tokens[e - 1];
        if (first && lastTok && tokens[e]?.text === ',' && e - k >= 2) {
          att = {
            start: first.start,
            end: lastTok.end,
            speaker: null,
            cue: t.text,
            kind: 'indirect',
            paragraph: p.index,
          };
        }
      } else {
        let before = subjectBefore(tokens, i, s0);
        let nominalThat = -1;
        const possessor = tokens[i - 1];
        if (possessor && /['’]s$/.test(possessor.text) && isCapitalised(possessor.text)) {
          // "Trump's claim that ...": a nominal cue; the possessor speaks, and only a that-clause follows.
          let th = i + 1;
          while (th < s1 && th < i + 12 && isWord(tokens[th]) && low(tokens[th]) !== 'that') th++;
          if (low(tokens[th]) !== 'that') return i;
          nominalThat = th;
          let f = i - 1;
          while (f - 1 >= s0 && isCapitalised(tokens[f - 1]?.text ?? '') && i - f < 4) f--;
          before = { from: f, to: i, roleFrom: -1, roleTo: -1 };
        }
        if (
          before &&
          !npLooksLikeSpeaker(tokens, before, ctx.entityStarts) &&
          FUNCTION_WORDS.has(low(tokens[before.from]))
        ) {
          before = initialDescription(tokens, s0, i);
        } else if (!before && tokens[i - 1]?.text !== ',') {
          before = initialDescription(tokens, s0, i);
        }
        // "..., arguing that ..." / "tweets early Friday saying that ...": a participle speaks for the
        // subject of the main clause, never for the words right before it.
        const participle =
          t.lower.endsWith('ing') &&
          nominalThat < 0 &&
          (tokens[i - 1]?.text === ',' ||
            (/^[”"’']$/.test(tokens[i - 1]?.text ?? '') && tokens[i - 2]?.text === ',') ||
            (before !== null && npHasTime(tokens, before)));
        if (participle) before = null;
        // "He’s claiming that ...": the pronoun inside a contraction is the subject of a progressive.
        const contracted = t.lower.endsWith('ing') ? contractedSubject(ctx, tokens[i - 1]) : null;
        if (contracted) before = { from: i - 1, to: i, roleFrom: -1, roleTo: -1 };
        let openingSubject = contracted !== null;
        if (
          !participle &&
          nominalThat < 0 &&
          !weak &&
          (before === null || !npLooksLikeSpeaker(tokens, before, ctx.entityStarts))
        ) {
          // "Those close to him say ...": the sentence's whole opening is the subject.
          const opening = sentenceOpeningSubject(tokens, s0, i);
          if (opening) {
            before = opening;
            openingSubject = true;
          }
        }
        // "..., records show": a document speaks for what it shows.
        const documentSubject = before !== null && EVIDENCE_VERBS.has(cc.base) && namesDocument(tokens, before);
        const subjOk =
          before !== null &&
          (openingSubject || documentSubject || npLooksLikeSpeaker(tokens, before, ctx.entityStarts));
        // Pattern: CLAUSE, NP said [tail].  /  CLAUSE, said NP.
        const npStart = subjOk && before ? before.from : -1;
        const commaBefore = npStart > s0 ? tokens[npStart - 1] : undefined;
        // "..., said NP" inverts; "..., saying NP VP" is a participle of the main clause, never inverted.
        const inverted =
          !subjOk && tokens[i - 1]?.text === ',' && !t.lower.endsWith('ing') ? subjectAfter(tokens, cc.next, s1) : null;
        const invertedOk = inverted !== null && npLooksLikeSpeaker(tokens, inverted, ctx.entityStarts);
        const thatAfter = low(tokens[cc.next]) === 'that';
        if (((commaBefore?.text === ',' || commaBefore?.text === '—') && !thatAfter) || invertedOk) {
          const commaIdx = invertedOk ? i - 1 : npStart - 1;
          const tailFrom = invertedOk && inverted ? (inverted.roleTo > 0 ? inverted.roleTo : inverted.to) : cc.next;
          const tail = s1 - tailFrom;
          const contentEnd = tokens[commaIdx - 1];
          // "..., say some Democrats, who cringe ...": a relative clause on the speaker may run long.
          const relativeTail =
            tokens[tailFrom]?.text === ',' && ['who', 'which', 'whose'].includes(low(tokens[tailFrom + 1]));
          if (
            contentEnd &&
            commaIdx - 1 >= s0 &&
            (tail <= 12 || relativeTail) &&
            tailLooksAdverbial(tokens, tailFrom, s1, cc.base)
          ) {
            const np = invertedOk && inverted ? inverted : before;
            // "On Monday, Ortiz decided to ...", "In response, Ortiz assured voters ...": a short lead-in of
            // time, place or manner before a cue that runs on is the writer's framing, not the speaker's words.
            const framingLeadIn =
              !invertedOk &&
              tokens[tailFrom]?.text !== ',' &&
              commaIdx - s0 <= 5 &&
              FRAMING_LEAD_INS.has(sentenceFirst.lower);
            if (np && !framingLeadIn) {
              const speaker = speakerOf(ctx, tokens, np);
              // A parenthetical ("The dock, they say, would flood"): the words before the cue and the clause
              // after it are two spans, as PolNeAR marks them, however short the lead-in.
              const parenthetical = !invertedOk && tokens[tailFrom]?.text === ',' && tail > 3;
              if (parenthetical) {
                const afterFirst = tokens[tailFrom + 1];
                if (afterFirst) {
                  const rest = mk(afterFirst.start, sentenceLast.end, speaker, t.text, p.index);
                  rest.end = trimEnd(body, rest.start, rest.end);
                  results.push(rest);
                }
              }
              const end = contentEnd.end;
              att = mk(sentenceFirst.start, end, speaker, t.text, p.index);
              if (!overlapsSpan(pSpans, sentenceFirst.start, end)) att.kind = 'unmarked';
            }
          }
        }
        if (!att && subjOk && before) {
          // "The company said as much", "He doesn't think so", "Sanders said yes.": a short answer.
          const answer = shortAnswer(tokens, cc.next, s1);
          if (answer) att = mk(answer.start, answer.end, contracted ?? speakerOf(ctx, tokens, before), t.text, p.index);
        }
        if (!att && subjOk && before) {
          // Pattern: NP said [addressee] [when] [that] CLAUSE.
          let k = nominalThat > 0 ? nominalThat : cc.next;
          if (ADDRESSEE_VERBS.has(cc.base)) {
            // "told a crowd in Miami on Tuesday he ...": the addressee, however long, runs up to the "that",
            // the wh-word or the subject pronoun that opens the reported clause.
            let m = k;
            while (
              m < s1 &&
              m < k + 10 &&
              !CLAUSE_OPENERS.has(low(tokens[m])) &&
              (isWord(tokens[m]) || (inQuote[m] && m > k && TITLE_MARKS.test(tokens[m]?.text ?? '')))
            )
              m++;
            if (CLAUSE_OPENERS.has(low(tokens[m]))) k = m;
            else if (isWord(tokens[k])) k++;
          }
          if (k === cc.next && verbParticle(tokens, k - 1)) k++;
          k = skipAdverbials(tokens, k, s1);
          if (MEANS_BEFORE_THAT.has(low(tokens[k]))) {
            // "said via email that ...", "continues to insist, most recently on ABC, that ...": the
            // channel or occasion between the cue and its "that" is not what was said.
            let m = k + 1;
            while (m < s1 && m < k + 14 && low(tokens[m]) !== 'that' && !/^[;:.“”"]$/.test(tokens[m]?.text ?? '')) m++;
            if (low(tokens[m]) === 'that' && !inQuote[m]) k = m;
          } else if (low(tokens[k]) !== 'that') {
            // "said, however, that ...", "said twice, that ...": a short aside closed by a comma before "that".
            let m = k;
            while (m < s1 && m < k + 12 && low(tokens[m]) !== 'that' && !/^[;:.“”"]$/.test(tokens[m]?.text ?? '')) m++;
            if (low(tokens[m]) === 'that' && tokens[m - 1]?.text === ',' && !inQuote[m]) k = m;
          }
          let question = false;
          if (cc.base === 'ask') {
            // "asked Sanders how he was feeling": the question starts at its wh-word.
            let m = k;
            while (m < s1 && m < k + 5 && !WH_WORDS.has(low(tokens[m])) && isWord(tokens[m])) m++;
            if (WH_WORDS.has(low(tokens[m]))) {
              k = m;
              question = true;
            }
          } else if ((cc.base === 'question' || cc.base === 'wonder') && WH_WORDS.has(low(tokens[k]))) {
            // "questioned whether he was ready", "wondered how it happened": a question without an addressee.
            question = true;
          }
          const first = tokens[k];
          const hasThat = low(first) === 'that' || question;
          const contentLen = s1 - k;
          // "A new poll shows Clinton ahead": evidence from a document needs no "that".
          const evidence = weak && documentSubject;
          // "Party leaders believe he can win": a verb of belief before a clause that opens with its
          // own subject (a pronoun, a name, a determiner) needs no "that".
          // Not for "I think" / "we believe": outside quotation marks those are mostly a speaker's own
          // words carried on from a quote, whose clauses are attributed as a whole.
          const firstPerson =
            SUBJECT_PRONOUNS.get(low(tokens[before.from])) === 'first' && before.to - before.from === 1;
          // "said no decision had been made": "no" opens a clause's subject, not an answer ("said no to ...").
          const noClause =
            low(first) === 'no' &&
            isWord(tokens[k + 1]) &&
            !['to', 'one', 'comment'].includes(low(tokens[k + 1])) &&
            contentLen >= 5;
          const beliefClause =
            weak &&
            BELIEF_VERBS.has(cc.base) &&
            !firstPerson &&
            first !== undefined &&
            (opensClause(tokens, k) || beliefSubject(tokens, k, s1));
          if (
            first &&
            contentLen >= 3 &&
            (hasThat || beliefClause || ((!weak || evidence) && (!CONTENT_BAD_START.has(low(first)) || noClause)))
          ) {
            const quoteStart = inQuote[k];
            const reachesEnd = quoteStart != null && quoteStart.end >= sentenceLast.start;
            if (!(quoteStart && quoteStart.start === first.start && reachesEnd)) {
              const speaker = contracted ?? speakerOf(ctx, tokens, before);
              let endTok = s1 - 1;
              // Inside a subordinate clause ("While Sanders admitted that ..., his campaign ..."), the
              // reported clause ends where the main clause starts.
              let subordinate = false;
              for (let m = s0; m < before.from && !subordinate; m++) subordinate = SUBORDINATORS.has(low(tokens[m]));
              // A coordinated second cue ("... and warned that ...") starts its own attribution.
              for (let m = k + 1; m < s1 - 1; m++) {
                if (inQuote[m]) {
                  // “...,” noting that / “...,” but he gave ...: a comma inside the closing mark ends the
                  // reported clause like one outside it.
                  if (quotedCommaBreak(body, tokens, inQuote, m)) {
                    endTok = m;
                    break;
                  }
                  continue;
                }
                if (isCoordinatedCue(tokens, m) || isEmbeddedAttribution(tokens, m)) {
                  endTok = m - 1;
                  break;
                }
                const nx = tokens[m + 1];
                if (
                  subordinate &&
                  tokens[m]?.text === ',' &&
                  nx &&
                  (SUBJECT_PRONOUNS.has(low(nx)) ||
                    DETERMINERS.has(low(nx)) ||
                    /^(his|her|their|its)$/.test(low(nx)) ||
                    isCapitalised(nx.text))
                ) {
                  endTok = m - 1;
                  break;
                }
              }
              const endT = tokens[endTok];
              if (endT) att = mk(first.start, endT.end, speaker, t.text, p.index);
            }
          }
        } else if (!att && (participle || isCoordinatedCue(tokens, i - 1))) {
          // "..., adding that ..." / "... but argues that ...": the same speaker goes on.
          let speaker = participle ? null : (lastSentenceAttribution?.speaker ?? null);
          if (!speaker) {
            const np = sentenceSubject(tokens, s0, i);
            if (np && npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) speaker = speakerOf(ctx, tokens, np);
          }
          // "“...,” X said in a statement, adding that ...": the speaker of the quote in this sentence.
          if (!speaker && previous?.speaker && previous.start >= sentenceFirst.start && previous.end <= t.start)
            speaker = previous.speaker;
          if (!speaker && participle) speaker = lastSentenceAttribution?.speaker ?? null;
          const k = skipAdverbials(tokens, cc.next, s1);
          const first = tokens[k];
          // "Ortiz, speaking at the harbour, said ...": the participle was an aside; the main verb reports.
          const asideEnds = tokens[k - 1]?.text === ',' && cueAt(tokens, k) !== null;
          if (first && s1 - k >= 3 && !CONTENT_BAD_START.has(low(first)) && !asideEnds) {
            let endTok = s1 - 1;
            for (let m = k + 1; m < s1 - 1; m++) {
              if ((isCoordinatedCue(tokens, m) || isEmbeddedAttribution(tokens, m)) && !inQuote[m]) {
                endTok = m - 1;
                break;
              }
            }
            const endT = tokens[endTok];
            if (endT && speaker) att = mk(first.start, endT.end, speaker, t.text, p.index);
          }
        }
      }
      if (!att) return i;
      att.end = trimEnd(body, att.start, att.end);
      if (att.end - att.start < 8 && !/^(?:so|yes|no|as much)$/i.test(body.slice(att.start, att.end))) return i;
      // Quotation marks inside an indirect attribution make it mixed; the marked span is absorbed.
      for (const s of spansFrom(pSpans, att.start, att.end + 1)) {
        if (s.end <= att.end + 1 && !(s.start === att.start && s.end >= att.end)) {
          s.absorbed = true;
          att.kind = 'mixed';
          if (s.end > att.end) att.end = s.end;
        }
      }
      results.push(att);
      lastSentenceAttribution = att;
      previous = att;
      usedCues.add(t.start);
      i = Math.max(i, firstTokenAt(att.end) - 1);
      return i;
    };
    for (let i = 0; i < tokens.length; i++) i = clauseAt(i);

    // 2b. Quoted fragments framed by a verb ("called Trump “unhinged.”"): mixed, up to the quote's end.
    for (const span of pSpans) {
      if (span.absorbed || direct.has(span) || titles.has(span)) continue;
      const q = firstTokenAt(span.start);
      const s0 = sentStart[q] ?? 0;
      let v = -1;
      let reach = 12;
      for (let k = q - 1; k >= s0 && k >= q - reach; k--) {
        if (inQuote[k] || tokens[k]?.text === ';') break;
        const l = low(tokens[k]);
        // "pledged to impose sanctions on what it called “a threat”": the relative's verb names the
        // words; the verb before it frames the whole clause.
        if (low(tokens[k - 2]) === 'what' && SUBJECT_PRONOUNS.has(low(tokens[k - 1])) && reach === 12) {
          reach = q - k + 25;
          k -= 2;
          continue;
        }
        // "Obama’s remarks": after a possessive the word is a noun.
        const noun = /['’]s$/.test(tokens[k - 1]?.text ?? '');
        const framing =
          FRAMING_VERBS.has(l) &&
          !NOT_BEFORE_VERB.has(low(tokens[k - 1])) &&
          (!BARE_FRAMING.has(l) || BARE_VERB_BEFORE.has(low(tokens[k - 1])));
        if (!noun && (framing || (SPEECH_VERBS.has(l) && cueAt(tokens, k)))) {
          v = k;
          break;
        }
      }
      let subjectNp: Np | null = null;
      if (v < 0) {
        // "Trump openly admires Putin as a “strong leader,”": the main verb of a named subject frames a
        // quoted fragment too.
        const found = subjectVerbBefore(ctx, tokens, s0, q);
        if (found && !labelledBefore(body, span, p.start) && !looksLikeTitle(body, span)) {
          v = found.verb;
          subjectNp = found.np;
        }
      }
      if (v < 0 || usedCues.has(tokens[v]?.start ?? -1)) continue;
      const verb = tokens[v];
      // "Reid has gone after Trump as a “con artist”": a phrasal verb's particle is not the object.
      const particle =
        ((subjectNp !== null && PARTICLES.has(low(tokens[v + 1]))) || verbParticle(tokens, v)) && !inQuote[v + 2]
          ? 1
          : 0;
      const first = tokens[v + 1 + particle];
      if (!particle && CONTENT_BAD_START.has(low(first)) && !FRAMING_VERBS.has(low(verb))) continue;
      if (!verb || !first) continue;
      let np = subjectNp ?? subjectBefore(tokens, v, s0);
      // "Scott beamed and asked ...": a second verb of the same subject.
      if (!np && low(tokens[v - 1]) === 'and') np = sentenceSubject(tokens, s0, v - 1);
      if (low(verb).endsWith('ing') && tokens[v - 1]?.text === ',') {
        // "..., calling Trump “a fascist”": the subject of the main clause.
        // A lead-in ("Speaking at a town hall, Trump went after Bush, calling ...") is skipped.
        np = sentenceSubject(tokens, s0, v);
      }
      if (!np || !npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) continue;
      const speaker = speakerOf(ctx, tokens, np);
      const att: Attribution = {
        start: first.start,
        end: span.end,
        speaker,
        cue: verb.text,
        kind: 'mixed',
        paragraph: p.index,
      };
      // The framed clause runs on to the next comma or the sentence end ("calls it “the pearl” on the ...").
      // After a comma inside the marks only a list of quoted words goes on ("a “liar,” a “coward”").
      const afterComma = /,[”"»']*$/.test(body.slice(span.start, span.end));
      const nextTok = firstTokenAt(span.end);
      const listGoesOn = inQuote[nextTok] != null || (inQuote[nextTok + 1] != null && isWord(tokens[nextTok]));
      if (!afterComma || listGoesOn) {
        // Further quoted words in the same object come along ("a “nasty guy,” an “anchor baby” and
        // “sick”"); a time, a conjunction before a new verb or a new clause ends it.
        const s1 = sentEnd[q] ?? tokens.length;
        let e = firstTokenAt(span.end);
        let lastQuoted = e;
        while (e < s1 && e - lastQuoted <= 25) {
          const tk = tokens[e];
          if (!tk) break;
          if (inQuote[e]) {
            const sp = inQuote[e];
            e = sp ? firstTokenAt(sp.end) : e + 1;
            lastQuoted = e;
            continue;
          }
          if (/^[,;:—–(]$/.test(tk.text) || (e === s1 - 1 && /^[.!?]$/.test(tk.text))) break;
          if (OBJECT_END.has(tk.lower) && !OBJECT_GOES_ON.has(tk.lower)) {
            // "and a “grave threat”": a coordinated quoted phrase, not a new clause.
            const coordinated =
              (tk.lower === 'and' || tk.lower === 'or') &&
              (inQuote[e + 1] || (inQuote[e + 2] && isWord(tokens[e + 1])));
            if (!coordinated) break;
          }
          e++;
        }
        const lastTok = tokens[e - 1];
        if (lastTok && lastTok.end > att.end) att.end = lastTok.end;
      }
      if (first.start >= span.start) att.kind = 'direct';
      for (const other of spansFrom(pSpans, att.start, att.end)) if (other.end <= att.end) other.absorbed = true;
      results.push(att);
    }

    // 3. Sentences that continue an unmarked quote in a paragraph without quotation marks.
    if (pSpans.length === 0 && anyUnmarked(results, resultsAtParagraphStart)) {
      const paragraphResults = results.slice(resultsAtParagraphStart);
      const unmarked = paragraphResults.filter((r) => r.kind === 'unmarked').slice(0, 20);
      const attributedSentences = new Set(paragraphResults.map((r) => sentStart[firstTokenAt(r.start)] ?? -1));
      const lastStartInParagraph = paragraphResults.reduce((m, r) => Math.max(m, r.start), -1);
      for (const u of unmarked) {
        const startTok = firstTokenAt(u.start);
        const endTok = firstTokenAt(u.end);
        // Backwards: first-person sentences right before belong to the same speaker.
        const s = sentStart[startTok] ?? 0;
        if (s === startTok) {
          let prev = s - 1;
          while (prev >= 0) {
            const ps = sentStart[prev] ?? 0;
            const text = body.slice(tokens[ps]?.start ?? 0, tokens[prev]?.end ?? 0);
            if (!FIRST_PERSON.test(text) || attributedSentences.has(ps)) break;
            u.start = tokens[ps]?.start ?? u.start;
            prev = ps - 1;
          }
        }
        // Forwards: the rest of the paragraph, when nothing else is attributed in it and it speaks in the
        // first person ("I saw it coming") or carries on with a pronoun ("He was simply opposed ..."); any
        // other sentence after reported speech is the writer's.
        const next = sentEnd[endTok] ?? tokens.length;
        const later = lastStartInParagraph > u.end;
        const first = tokens[next];
        const last = tokens[tokens.length - 1];
        if (
          !later &&
          first &&
          last &&
          next < tokens.length &&
          (FIRST_PERSON.test(body.slice(first.start, last.end)) || CARRIED_PRONOUNS.has(first.lower))
        ) {
          results.push({ ...u, start: first.start, end: last.end, kind: 'unmarked' });
        }
      }
    }
  }

  // 4. Direct quotes: attributed, continuing the previous speaker, or left out (titles, scare quotes).
  const paragraphStart = new Map(paragraphs.map((x) => [x.index, x.start]));
  let last: Attribution | null = null;
  // The last direct quote: an indirect aside in its own sentence ("“...,” she said, adding that ...")
  // does not stop the next quote from continuing it.
  let lastQuote: Attribution | null = null;
  const byStart = [...results].sort((x, y) => x.start - y.start);
  let ri = 0;
  for (const span of spans) {
    while (ri < byStart.length && (byStart[ri]?.start ?? 0) < span.start) {
      last = byStart[ri] ?? last;
      ri++;
    }
    if (span.absorbed || titles.has(span)) continue;
    const att = direct.get(span);
    if (att) {
      results.push(att);
      last = att;
      lastQuote = att;
      continue;
    }
    const words = whiteSpaceSplitCount(body, span.start, span.end);
    const asideOfQuote =
      last !== null &&
      lastQuote !== null &&
      last.kind === 'indirect' &&
      lastQuote.kind === 'direct' &&
      lastQuote.paragraph === span.paragraph &&
      last.paragraph === span.paragraph &&
      last.start > lastQuote.end &&
      !/[.!?]\s/.test(body.slice(lastQuote.end, last.start));
    const prevQuote = asideOfQuote ? lastQuote : last;
    const prevDirect = prevQuote && prevQuote.paragraph >= span.paragraph - 1 ? prevQuote : null;
    // A short full sentence right after the speaker's quote ("“Very good.”") continues it too.
    const fullSentence =
      /^[“"«'`]*\p{Lu}/u.test(body.slice(span.start, span.start + 4)) &&
      /[.!?][”"»']*$/.test(body.slice(span.end - 3, span.end));
    const sameParagraph =
      prevDirect !== null && prevDirect.paragraph === span.paragraph && prevDirect.kind === 'direct';
    // A continuation starts a sentence, and a title ("on “Meet the Press.”") is not one.
    let back = span.start - 1;
    while (back >= 0 && /\s/.test(body[back] ?? '')) back--;
    const splitQuote =
      body[back] === ',' &&
      prevDirect !== null &&
      prevDirect.paragraph === span.paragraph &&
      span.start - prevDirect.end < 80;
    const startsSentence =
      back < (paragraphStart.get(span.paragraph) ?? 0) ||
      /[.!?:”"'’»—–]/.test(body[back] ?? '') ||
      body.slice(back, span.start).includes('\n') ||
      splitQuote;
    const before = body.slice(Math.max(0, back - 30), back + 1).toLowerCase();
    const titled = !splitQuote && TITLE_BEFORE.test(before);
    if (
      prevDirect?.speaker &&
      (startsSentence || (sameParagraph && !titled) || (!titled && framedByVerb(body, span.start))) &&
      !titled &&
      (words >= 4 || (sameParagraph && fullSentence)) &&
      (prevDirect.kind === 'direct' ||
        prevDirect.kind === 'mixed' ||
        (words >= 8 && prevDirect.paragraph >= span.paragraph - 1))
    ) {
      const cont: Attribution = {
        ...prevDirect,
        start: span.start,
        end: span.end,
        kind: 'direct',
        paragraph: span.paragraph,
      };
      results.push(cont);
      last = cont;
      lastQuote = cont;
    }
  }

  // 5. Nested quotes reported inside a quote ("... and say, 'Well, ...'").
  const nested: Attribution[] = [];
  for (const r of results) {
    const text = body.slice(r.start, r.end);
    if (!/[‘'“"]/.test(text)) continue;
    const re = /\b(say|says|said|saying|ask|asked|tell|told)\s*[,:]\s*([‘'“"])/g;
    for (const m of text.matchAll(re)) {
      const open = r.start + m.index + m[0].length - 1;
      const mark = m[2] ?? '';
      const closeMark = mark === '‘' ? '’' : mark === '“' ? '”' : mark;
      let close = -1;
      for (let i = open + 1; i < Math.min(r.end + 1, body.length); i++) {
        const c = body[i];
        if (c === closeMark && !/\p{L}/u.test(body[i + 1] ?? '')) {
          close = i;
          break;
        }
      }
      if (close < 0 || close - open < 4) continue;
      // The nested speaker is the subject of the cue: the nearest pronoun or name before it.
      const before = tokenize(body, Math.max(r.start, open - 120), open - m[0].length + 1);
      let speaker: SpeakerMention | null = null;
      for (let k = before.length - 1; k >= 0; k--) {
        const tk = before[k];
        if (!tk) continue;
        const l = tk.lower;
        if (l === 'he' || l === 'she' || ctx.entityStarts.has(tk.start)) {
          const sp = resolveSpeaker(ctx, tk.start, mentionEnd(tk.start) ?? tk.end, null);
          if (sp.name !== r.speaker?.name || l === 'he' || l === 'she') speaker = sp;
          break;
        }
      }
      if (!speaker) continue;
      const inner = mark === '‘' || mark === "'" ? { s: open + 1, e: close } : { s: open, e: close + 1 };
      nested.push({ start: inner.s, end: inner.e, speaker, cue: m[1] ?? null, kind: 'direct', paragraph: r.paragraph });
    }
  }
  results.push(...nested);
  for (const r of results) {
    unbalancedBrackets(body, r);
    if (r.kind !== 'mixed') continue;
    colonLeadIn(body, r);
    if (r.cue !== 'according to') trailingAttribution(body, r);
  }
  for (const r of results) {
    if (r.kind !== 'direct') listTail(body, r);
    subjectBeforeQuote(body, r);
    if (r.kind !== 'direct') openingAdverbial(body, r);
    participleCue(body, r);
    clauseLeadIn(body, r);
    quotedPhraseTail(body, r);
    if (r.kind !== 'direct') trailingAside(body, r);
    secondAttribution(body, r);
  }

  leadInFragments(body, sentences, results);
  relativeFragments(body, results);
  results.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Quote[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  // The end of the furthest-reaching span with a speaker so far: an impression with no source inside it
  // ("X seems to Y, the spokesman told CNN") is how the speaker put it, not the writer's own impression.
  let spokenTo = -1;
  // The end of the furthest-reaching span kept so far, headlines ("Topic: X says Y") aside: a shorter span
  // inside it is a second reading of the same words (a stance inside a report, a quote inside a quote),
  // and PolNeAR labels the outer attribution far more often than the inner one. Nested quotes (step 5)
  // are the quoted person's own words and stay.
  const nestedSpans = new Set(nested);
  let coveredTo = -1;
  for (const r of results) {
    if (r.end <= r.start || r.start < 0 || r.end > body.length) continue;
    if (r.start === lastStart && r.end === lastEnd) continue;
    if (r.end <= coveredTo && !nestedSpans.has(r)) continue;
    if (r.cue !== ':') coveredTo = Math.max(coveredTo, r.end);
    if (r.speaker === null && r.end <= spokenTo && IMPRESSION_CUES.has((r.cue ?? '').toLowerCase())) continue;
    if (r.speaker !== null) spokenTo = Math.max(spokenTo, r.end);
    lastStart = r.start;
    lastEnd = r.end;
    out.push({
      text: body.slice(r.start, r.end),
      start: r.start,
      end: r.end,
      speaker: r.speaker?.name ?? null,
      speakerStart: r.speaker?.start ?? null,
      speakerEnd: r.speaker?.end ?? null,
      role: r.speaker?.role ?? null,
      cue: r.cue,
      kind: r.kind,
      paragraph: r.paragraph,
    });
  }
  return joinInterrupted(body, out);
}

/** Between the pieces of an interrupted attribution: no sentence end, line break or quotation mark. */
const NOT_AN_INTERRUPTION = /[.!?\n“”"«»]/;

/**
 * "Town halls, Ms. Park said, are places where …" is read as two pieces with one speaker mention and cue
 * (the words before the interruption and the words after). Shown apart, the first would be a fragment
 * ("Town halls") put in the speaker's mouth; joined, the quote is the sentence as written, and `parts`
 * keeps the pieces. Only unmarked and indirect pieces are joined: "“A,” she said, “B.”" are two quotes.
 */
function joinInterrupted(body: string, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const a = quotes[i];
    const b = quotes[i + 1];
    if (!a) continue;
    if (
      b &&
      a.speakerStart !== null &&
      a.speakerEnd !== null &&
      a.speakerStart === b.speakerStart &&
      a.speakerEnd === b.speakerEnd &&
      a.cue === b.cue &&
      a.kind !== 'direct' &&
      a.kind !== 'mixed' &&
      b.kind !== 'direct' &&
      b.kind !== 'mixed' &&
      a.end <= a.speakerStart &&
      b.start >= a.speakerEnd &&
      b.start - a.end <= 120 &&
      !NOT_AN_INTERRUPTION.test(body.slice(a.end, b.start))
    ) {
      out.push({
        ...a,
        text: body.slice(a.start, b.end),
        end: b.end,
        kind: a.kind === 'indirect' || b.kind === 'indirect' ? 'indirect' : 'unmarked',
        parts: [
          { start: a.start, end: a.end, kind: a.kind },
          { start: b.start, end: b.end, kind: b.kind },
        ],
      });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** Whether a result from index `from` on is an unmarked quote: step 3 of extractQuotes continues only those. */
function anyUnmarked(results: readonly Attribution[], from: number): boolean {
  for (let i = from; i < results.length; i++) if (results[i]?.kind === 'unmarked') return true;
  return false;
}

/** Stance verbs read only before an infinitive: their noun objects are rarely attributed. */
/**
 * Verbs of perception that state a view only with an "as" complement ("voters see him as honest",
 * "critics view the plan as a giveaway"); without one they report no opinion ("saw the parade").
 */
const VIEW_VERBS = new Set(['see', 'sees', 'saw', 'view', 'views', 'viewed', 'regard', 'regards', 'regarded']);

/** Forms of "call" that name someone or something ("called him divisive"). */
const CALL_FORMS = new Set(['call', 'calls', 'called', 'calling']);

/** The one-character tokens that can end a sentence in extractQuotes (isEnd or closesQuote). */
const SENTENCE_END_MARKS: ReadonlySet<string> = new Set(['.', '!', '?', ';', '”', '"', '»', "'"]);

/**
 * Every word that can open a clause in step 2 of extractQuotes (an impression, a particle or commitment
 * verb, a speech cue or "according", a view or a stance verb): a word in none of these lexicons reaches
 * no rule there. A new cue family read in that loop must add its words here. (Asked about every token:
 * a filtered set, see FilteredWordSet.)
 */
const CLAUSE_CUE_WORDS = new FilteredWordSet([
  ...IMPRESSION_CUES,
  ...STANCE_PARTICLES.keys(),
  ...COMMITMENT_VERBS.keys(),
  ...SPEECH_VERBS.keys(),
  'according',
  'reportedly',
  ...VIEW_VERBS,
  ...STANCE_VERBS,
  ...CALL_FORMS,
]);

/**
 * "Khoga was reportedly on that trip", "Campaign Reportedly Scrambling For Votes": the words before
 * "reportedly" (from the sentence start, with no comma) and the words after it, each a span with no speaker.
 */
function reportedlyAt(
  tokens: readonly Token[],
  i: number,
  s0: number,
  s1: number,
  inQuote: readonly (MarkedSpan | null)[],
  paragraph: number,
): Attribution[] {
  if (i - s0 < 1 || i - s0 > 12 || s1 - i < 3) return [];
  for (let k = s0; k < s1; k++) if (inQuote[k] || tokens[k]?.text === ',' || tokens[k]?.text === ':') return [];
  const first = tokens[s0];
  const beforeLast = tokens[i - 1];
  const after = tokens[i + 1];
  const last = tokens[s1 - 1];
  if (!first || !beforeLast || !after || !last || !isWord(after)) return [];
  const mkNone = (start: number, end: number): Attribution => ({
    start,
    end,
    speaker: null,
    cue: tokens[i]?.text ?? 'reportedly',
    kind: 'indirect',
    paragraph,
  });
  return [mkNone(first.start, beforeLast.end), mkNone(after.start, last.end)];
}

/** "said as much", "think so", "said yes": the short answer right after a cue, ending its clause. */
function shortAnswer(tokens: readonly Token[], k: number, s1: number): { start: number; end: number } | null {
  const a = tokens[k];
  const b = tokens[k + 1];
  let last = -1;
  if (low(a) === 'as' && low(b) === 'much') last = k + 1;
  else if (['so', 'yes', 'no'].includes(low(a))) last = k;
  const lastTok = tokens[last];
  if (!a || !lastTok || last + 1 >= s1 + 1) return null;
  const after = tokens[last + 1];
  if (after && !/^[.,;!?]$/.test(after.text)) return null;
  return { start: a.start, end: lastTok.end };
}

/** Object pronouns that a naming "call" takes before the name it gives ("called them rapists"). */
const NAMED_PRONOUNS = new Set(['him', 'her', 'them', 'it', 'himself', 'herself', 'themselves']);
/** After "called him" these make the verb a phone call or a phrasal verb, not a name given. */
const NOT_A_NAME = new Set(['back', 'up', 'out', 'off', 'on', 'to', 'about', 'at', 'in', 'from', 'quits', 'and', 'or']);

/**
 * Whether the words from k are an object and the name given to it, with no quotation mark near (those are
 * read as framed fragments): a pronoun then a word ("him divisive", "them rapists") or a capitalised
 * name then "a"/"an" ("Trump a fascist").
 */
function namingObject(tokens: readonly Token[], k: number, inQuote: readonly (MarkedSpan | null)[]): boolean {
  for (let q = k; q < k + 12 && q < tokens.length; q++)
    if (inQuote[q] || /^[“”"]$/.test(tokens[q]?.text ?? '')) return false;
  const first = tokens[k];
  if (!first) return false;
  if (NAMED_PRONOUNS.has(first.lower)) {
    const next = tokens[k + 1];
    return isWord(next) && !NOT_A_NAME.has(low(next)) && !TIME_WORDS.has(low(next)) && !isCapitalised(next?.text ?? '');
  }
  let m = k;
  while (m < k + 4 && isCapitalised(tokens[m]?.text ?? '')) m++;
  if (m > k && (low(tokens[m]) === 'a' || low(tokens[m]) === 'an')) return true;
  // "called climate change a hoax", "called the police shootings … a moment": an object, then the name
  // given with "a"/"an", and no preposition, verb or punctuation between.
  if (!isWord(first) || NOT_A_NAME.has(first.lower) || NAMING_STOPS.has(first.lower)) return false;
  if (first.lower === 'a' || first.lower === 'an' || first.lower === 'for') return false;
  for (let q = k + 1; q < k + 16 && q < tokens.length; q++) {
    const l = low(tokens[q]);
    if (l === 'a' || l === 'an') return q > k + 1;
    if (!isWord(tokens[q]) || NAMING_STOPS.has(l) || SPEECH_VERBS.has(l)) return false;
  }
  return false;
}

/** Between a naming "call" and its "a"/"an", these mean the "a" is not the name given ("called the police to a house"). */
const NAMING_STOPS = new Set([
  'to',
  'at',
  'in',
  'on',
  'for',
  'from',
  'into',
  'with',
  'by',
  'about',
  'after',
  'as',
  'is',
  'was',
  'are',
  'were',
  'has',
  'had',
  'have',
  'will',
  'would',
  'that',
  'who',
  'which',
]);

/** Whether an "as" follows the object starting at k, within a few words and before any punctuation. */
function asComplementAfter(tokens: readonly Token[], k: number, s1: number): boolean {
  if (!isWord(tokens[k]) || low(tokens[k]) === 'as' || low(tokens[k]) === 'that') return false;
  for (let m = k + 1; m < s1 && m < k + 12; m++) {
    const t = tokens[m];
    if (!t || !isWord(t)) return false;
    if (t.lower === 'as') return true;
  }
  return false;
}

const INFINITIVE_STANCES = new Set([
  'plan',
  'plans',
  'planned',
  'planning',
  'seek',
  'seeks',
  'sought',
  'seeking',
  'offer',
  'offers',
  'offered',
  'offering',
]);

/** Weak speech verbs that take a topic as their object ("demanded answers", "questioned long-held rules"). */
const TOPIC_VERBS = new Set(['question', 'mention', 'demand']);

/** Polls and surveys: a lead-in naming one ("In the latest poll, ...") is the source of the clause after it. */
const POLL_NOUNS = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'average']);

/**
 * "In a CNN poll released Monday, CLAUSE": a lead-in naming a poll or a study before its comma makes it
 * the source of the clause after. i is the sentence's first token ("In"), s1 the sentence end.
 */
function pollLeadIn(
  ctx: Context,
  tokens: readonly Token[],
  i: number,
  s1: number,
  inQuote: readonly (MarkedSpan | null)[],
  paragraph: number,
): Attribution | null {
  let c = i + 1;
  let document = false;
  while (c < s1 && c < i + 16 && tokens[c]?.text !== ',') {
    if (!isWord(tokens[c]) && tokens[c]?.text !== '/' && tokens[c]?.text !== '-') return null;
    if (POLL_NOUNS.has(low(tokens[c]))) document = true;
    c++;
  }
  if (!document || tokens[c]?.text !== ',') return null;
  const np: Np = { from: i + 1, to: c, roleFrom: -1, roleTo: -1 };
  // "In the latest poll, conducted in May, CLAUSE": a participle describing the poll is set off too.
  const aside = tokens[c + 1];
  if (aside && /ed$/.test(aside.text)) {
    let d = c + 2;
    while (d < s1 && d < c + 10 && (isWord(tokens[d]) || tokens[d]?.text === '.')) d++;
    if (tokens[d]?.text === ',') c = d;
  }
  // The clause runs to its first comma; one with its own speech verb ("In an email, X said") is X's.
  let e = c + 1;
  while (e < s1 && (tokens[e]?.text !== ',' || inQuote[e])) {
    if (cueAt(tokens, e)) return null;
    e++;
  }
  const first = tokens[c + 1];
  const last = tokens[e - 1];
  if (!first || !last || e - (c + 1) < 4 || inQuote[c + 1]) return null;
  return {
    start: first.start,
    end: last.end,
    speaker: speakerOf(ctx, tokens, np),
    cue: 'in',
    kind: 'indirect',
    paragraph,
  };
}

/** Whether a noun phrase names a document or a poll ("leaked pages from his tax return", "video of the rally"). */
function namesDocument(tokens: readonly Token[], np: Np): boolean {
  for (let m = np.from; m < np.to; m++) if (DOCUMENT_NOUNS.has(low(tokens[m]))) return true;
  return false;
}

/**
 * Whether the words at k open a clause with its own subject: a subject pronoun other than "it"
 * ("they can win"), a possessive or a determiner ("the tax will", "his plan"), or a capitalised name
 * followed by a lower-case word ("Clinton has").
 */
function opensClause(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !isWord(t)) return false;
  const l = t.lower;
  if (SUBJECT_PRONOUNS.has(l)) return l !== 'it' && l !== 'you';
  if (POSSESSIVE_DETERMINERS.has(l) || l === 'the' || l === 'this' || l === 'these') return true;
  return isCapitalised(t.text) && !FUNCTION_WORDS.has(l);
}

/**
 * "questioned the health of ...", "questions his judgment": after "question" a determiner opens the
 * noun questioned, not a clause (a doubted clause comes with "whether" or "if").
 */
function questionedNoun(tokens: readonly Token[], i: number): boolean {
  if (SPEECH_VERBS.get(low(tokens[i])) !== 'question') return false;
  const l = low(tokens[i + 1]);
  return DETERMINERS.has(l) || POSSESSIVE_DETERMINERS.has(l);
}

/**
 * "Experts suspect those losses were ...", "believe some voters will ...": a determiner phrase opens a
 * believed clause when a finite verb follows within a few words (not "expect a win").
 */
function beliefSubject(tokens: readonly Token[], k: number, s1: number): boolean {
  const l = low(tokens[k]);
  if (!DETERMINERS.has(l) && l !== 'those') return false;
  for (let m = k + 1; m < s1 && m < k + 6; m++) {
    if (!isWord(tokens[m])) return false;
    if (AUXILIARIES.has(low(tokens[m]))) return m > k + 1;
  }
  return false;
}

/** Forms of "be" before a passive stance verb ("was criticized", "has been praised"). */
const PASSIVE_BE = new Set(['is', 'are', 'was', 'were', 'been']);

/**
 * "Clinton has been attacked by Sanders", "Internet companies have been criticized": a stance in the
 * passive is taken toward its subject, by the agent after "by" when one is named (else no one is).
 * v is the participle, adverbs the first adverb before it (or v); the subject runs back over its auxiliaries.
 */
function passiveStance(
  ctx: Context,
  tokens: readonly Token[],
  v: number,
  adverbs: number,
  s0: number,
  s1: number,
  paragraph: number,
): Attribution | null {
  // "has been widely condemned": the subject ends before the auxiliaries, whatever adverbs follow them.
  const np = subjectBefore(tokens, adverbs, s0);
  if (!np || np.to - np.from > 8) return null;
  const first = tokens[np.from];
  const last = tokens[np.to - 1];
  if (!first || !last || FUNCTION_WORDS.has(first.lower) || SUBJECT_PRONOUNS.has(first.lower)) return null;
  let speaker: SpeakerMention | null = null;
  if (low(tokens[v + 1]) === 'by') {
    const agent = subjectAfter(tokens, v + 2, s1);
    if (agent && npLooksLikeSpeaker(tokens, agent, ctx.entityStarts)) speaker = speakerOf(ctx, tokens, agent);
  }
  return { start: first.start, end: last.end, speaker, cue: tokens[v]?.text ?? null, kind: 'indirect', paragraph };
}

/** Before a stance verb these make it an adjective, a passive or an infinitive ("was opposed", "to attack"). */
const NOT_BEFORE_STANCE = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'being',
  'to',
  "it's",
  'get',
  'got',
  'became',
  'seemed',
  'feel',
  'felt',
]);

/** Where the object of a stance verb ends: a comma, a conjunction, a time or a new clause. */
const OBJECT_END = new Set([
  'and',
  'but',
  'after',
  'before',
  'during',
  'when',
  'while',
  'because',
  'since',
  'as',
  'last',
  'earlier',
  'later',
  'yesterday',
  'today',
  'tonight',
  'which',
  'who',
  'saying',
  'said',
  'adding',
  'calling',
  'even',
  'though',
  'although',
  'despite',
  'amid',
  'instead',
  'until',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/** The marks of a programme's title inside an addressee ("told ABC's “This Week” that"). */
const TITLE_MARKS = /^[“”"]$/;

/** Connectives that open a sentence without being part of what a source reports ("But", "Still,"). */
const CONNECTIVES = new Set([
  'but',
  'and',
  'yet',
  'so',
  'still',
  'now',
  'meanwhile',
  'however',
  'nevertheless',
  'nonetheless',
  'moreover',
  'indeed',
]);

/**
 * Words that open a channel, a place or an occasion after a cue ("via email", "through a spokesman",
 * "from her office", "most recently"): what follows them up to a "that" is not what was said.
 */
const MEANS_BEFORE_THAT = new Set([
  'via',
  'through',
  'at',
  'in',
  'on',
  'during',
  'under',
  'with',
  'by',
  'most',
  'for',
  'of',
  'about',
  'from',
  'after',
  'before',
]);

/** Words that open the clause reported after an addressee ("told reporters that / how / she ..."). */
const CLAUSE_OPENERS = new Set([
  'that',
  'how',
  'why',
  'what',
  'whether',
  'if',
  'when',
  'where',
  'he',
  'she',
  'they',
  'i',
  'we',
]);

const BRACKET_PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['[', ']'],
];

function countChar(text: string, c: string): number {
  let n = 0;
  for (let i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) n++;
  return n;
}

/**
 * "(her campaign said that she has pneumonia)": a bracket the span closes without opening it, or
 * opens without closing it, belongs to the sentence around the span, not to what was said.
 */
function unbalancedBrackets(body: string, r: Attribution): void {
  for (const [open, close] of BRACKET_PAIRS) {
    let text = body.slice(r.start, r.end);
    if (!text.includes(open) && !text.includes(close)) continue;
    while (text.endsWith(close) && countChar(text, open) < countChar(text, close)) {
      r.end--;
      while (r.end > r.start && /[\s.,;:]/.test(body[r.end - 1] ?? '')) r.end--;
      text = body.slice(r.start, r.end);
    }
    if (text.startsWith(open) && countChar(text, open) > countChar(text, close)) {
      r.start++;
      while (r.start < r.end && /\s/.test(body[r.start] ?? '')) r.start++;
    }
  }
}

/**
 * "Sanders delivered a blunt verdict: “...”": a lead-in that ends in a colon introduces the quote
 * that closes the span, so the quote alone is what was said (the span becomes direct).
 */
function colonLeadIn(body: string, r: Attribution): void {
  const open = body.slice(r.start, r.end).search(/[“"]/);
  if (open <= 0) return;
  const q = r.start + open;
  let k = q - 1;
  while (k > r.start && /\s/.test(body[k] ?? '')) k--;
  if (body[k] !== ':') return;
  const mark = body[q];
  const close = body.indexOf(mark === '“' ? '”' : '"', q + 1);
  if (close < 0 || close >= r.end) return;
  if (/[\p{L}\p{N}“"]/u.test(body.slice(close + 1, r.end))) return;
  r.start = q;
  r.kind = 'direct';
}

/**
 * "that the plan “will not work,” Reyes said": an attribution after the quote that closes a mixed
 * span (a speech verb, or a bare name as a signature) is not part of what was said.
 */
function trailingAttribution(body: string, r: Attribution): void {
  const text = body.slice(r.start, r.end);
  const m = /[,?!][”"]\s+([^”"“]{1,80})$/.exec(text);
  if (!m) return;
  const tail = m[1] ?? '';
  const cue = tail
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => SPEECH_VERBS.has(w));
  if (cue || /^(?:\p{Lu}[\p{L}.'’-]*\s*){1,4}$/u.test(tail)) r.end = r.start + m.index + 2;
}

/**
 * Words that make a comma-separated run a clause of its own rather than more items of a list: a
 * verb, a subject pronoun or a past form ("..., and he left", "..., Clinton said").
 */
const LIST_ITEM_CLAUSE =
  /(?<![\p{L}])(?:is|are|was|were|has|have|had|will|would|said|says|he|she|they|it|\p{Ll}+ed)(?![\p{L}])/u;

/**
 * "proposals on jobs, education and criminal justice": a span that stops at the first comma of a
 * list closed by "and"/"or" before the sentence's end leaves the other items out; the list is one
 * object, so the span takes all of it.
 */
function listTail(body: string, r: Attribution): void {
  const m =
    /^,((?: [\p{L}\p{N}'’-]+(?: [\p{L}\p{N}'’-]+){0,3},)* (?:[\p{L}\p{N}'’-]+ ){0,3}(?:and|or) (?:[\p{L}\p{N}'’-]+ ?){1,4})(?=[.;:!?]|$)/u.exec(
      body.slice(r.end, r.end + 200),
    );
  if (!m || LIST_ITEM_CLAUSE.test(m[1] ?? '')) return;
  r.end += m[0].length;
}

/**
 * A reporting word, then the subject (and perhaps an auxiliary) of the clause whose verb phrase opens
 * the quote: "said Reyes “has no plan”", "told them the board “will not meet”".
 */
const SUBJECT_BEFORE_QUOTE =
  /(?:^|[\s,])(that|said|says|told (?:him|her|them|reporters|\p{Lu}\p{L}+)|saying|because)\s+((?:he|she|they|it|we|I|[Tt]he(?: [\p{L}.’'-]+){1,3}|\p{Lu}[\p{L}.’'-]*(?: \p{Lu}[\p{L}.’'-]*){0,2})(?: (?:had|has|is|are|was|were|would|will|could|should|must|did not|does not|is not|was not))?)\s+$/u;

/**
 * "said that Reyes “has no plan”": a quote that opens on a lower-case verb phrase finishes a clause
 * whose subject stands just before it; what was reported is the clause, from its "that" or subject.
 */
function subjectBeforeQuote(body: string, r: Attribution): void {
  if (!/^[“"]\p{Ll}/u.test(body.slice(r.start, r.start + 2))) return;
  const from = Math.max(0, r.start - 80);
  const m = SUBJECT_BEFORE_QUOTE.exec(body.slice(from, r.start));
  if (!m) return;
  const lead = m[0];
  const at = m[1] === 'that' ? lead.indexOf('that') : lead.lastIndexOf(m[2] ?? '');
  r.start = from + m.index + at;
  r.kind = 'mixed';
}

/** Sentence adverbials set off by a comma at the head of a sentence ("However,", "In addition,"). */
const OPENING_ADVERBIAL =
  /^(?:However|In addition|As it stands|Still|Meanwhile|Moreover|Indeed|Instead|Nonetheless|Nevertheless|Furthermore|Also|Now|Today|Yet|Overall|In fact|Of course|At the same time|In other words|For example|Additionally|Similarly|Likewise|Separately|Again|Ultimately|Finally|Plus|Besides|Then|So|In short|In sum|Together)\s*,\s*/;

/**
 * "However, growth is slowing, the fund said": a sentence adverbial that opens a span read from the
 * whole sentence links it to the text before; it is the writer's, not part of what was reported.
 */
function openingAdverbial(body: string, r: Attribution): void {
  const m = OPENING_ADVERBIAL.exec(body.slice(r.start, r.end));
  if (m && m[0].length < r.end - r.start - 10) r.start += m[0].length;
}

/** Participles that report without being in the speech or stance lexicons ("referencing", "citing"). */
const REPORTING_PARTICIPLES = new Set(['referencing', 'referring', 'citing']);

/**
 * "..., she said, adding that the vote was rigged": a span that opens on a reporting participle set
 * off by a comma starts with that participle's cue, not with what it reports; the span starts after
 * it (at its "that", which reported clauses keep).
 */
function participleCue(body: string, r: Attribution): void {
  if (!/,\s*$/.test(body.slice(Math.max(0, r.start - 3), r.start))) return;
  const m = /^([a-z]+ing)( that)?\s+/.exec(body.slice(r.start, r.end));
  const word = m?.[1] ?? '';
  if (!m || !(SPEECH_VERBS.has(word) || STANCE_VERBS.has(word) || REPORTING_PARTICIPLES.has(word))) return;
  if (m[0].length >= r.end - r.start - 10) return;
  r.start += m[2] ? word.length + 1 : m[0].length;
}

/** Words that report a clause; the last one before a quote in its sentence is where a lead-in may start. */
const LEAD_IN_CUE =
  /\b(said|says|say|told|tells|added|adds|wrote|writes|argued|noted|insisted|claimed|stated|explained|warned|believes|thinks|that)\b/g;

/** Last words of a gap that name or label the quote rather than start a clause ("called", "titled", "repeatedly"). */
const LABEL_GAP_END = new Set([
  'called',
  'call',
  'calls',
  'titled',
  'dubbed',
  'labeled',
  'named',
  'termed',
  'term',
  'denounce',
  'denounced',
  'or',
]);

/**
 * "said that the victims “do need their day in court”": a quote that goes on a clause begun a few
 * words after a reporting word in the same sentence reports the whole clause, so the span starts at
 * the clause (its "that", or the word after the reporting verb). Not after a comma ("he said, “…”"),
 * where the quote is what was said.
 */
function clauseLeadIn(body: string, r: Attribution): void {
  if (!/^(?:[“"]|'')/.test(body.slice(r.start, r.start + 2))) return;
  let from = Math.max(0, r.start - 150);
  const before = body.slice(from, r.start);
  const sentenceEnd = before.search(/[.!?]["”’]?\s+[^.!?]*$/);
  if (sentenceEnd >= 0) from += sentenceEnd + 1;
  const sentence = body.slice(from, r.start);
  let last: RegExpExecArray | null = null;
  for (const m of sentence.matchAll(LEAD_IN_CUE)) last = m;
  if (!last) return;
  const gap = sentence.slice(last.index + last[0].length);
  if (!/\p{L}/u.test(gap) || /[.!?;:”"]/.test(gap) || /,\s*$/.test(gap)) return;
  const words = gap.match(/\p{L}+/gu) ?? [];
  const lastWord = (words[words.length - 1] ?? '').toLowerCase();
  if (words.length > 12 || lastWord.endsWith('ly') || LABEL_GAP_END.has(lastWord)) return;
  let at = from + last.index + (last[1] === 'that' ? 0 : last[0].length);
  while (/[\s,]/.test(body[at] ?? '')) at++;
  r.start = at;
  r.kind = 'mixed';
}

/** Words that open the rest of a phrase a quote broke off ("“… adapting” to the new economy."). */
const PHRASE_GOES_ON =
  /^(\s+((?:to|for|from|until|because|is|of|or|over|about|with|than|into)\b[^.!?;:,“”"\n]*?))(?=[.!?](?:\s|$))/u;

/** Words that show the rest of the sentence is an attribution or a clause of its own, not the phrase going on. */
const NOT_PHRASE_WORDS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'who', 'which', 'and', 'but', 'read', 'reads']);

/**
 * "was “whisked off to the hospital” for tests.": a quote that closes before its sentence does, the
 * rest being a short lower-case phrase that goes on from it (no name, no speech verb, no new clause),
 * reports the phrase whole, so the span runs to the sentence's end.
 */
function quotedPhraseTail(body: string, r: Attribution): void {
  if (!/(?:[”"]|'')\s*$/.test(body.slice(r.start, r.end))) return;
  const m = PHRASE_GOES_ON.exec(body.slice(r.end, r.end + 120));
  if (!m) return;
  const words = (m[2] ?? '').match(/[\p{L}’']+/gu) ?? [];
  if (words.length > 10) return;
  if (
    words.some((w) => /^\p{Lu}/u.test(w) || SPEECH_VERBS.has(w.toLowerCase()) || NOT_PHRASE_WORDS.has(w.toLowerCase()))
  )
    return;
  r.end += (m[1] ?? '').length;
  if (r.kind === 'direct') r.kind = 'mixed';
}

/**
 * "that the tax helps the party (which lets the rest of it off the hook)": a bracketed clause of four
 * words or more closing a reported span, outside any quote, is the writer's aside. Shorter brackets
 * ("(R-Texas)", "(90 percent)") belong to what they follow.
 */
function trailingAside(body: string, r: Attribution): void {
  const text = body.slice(r.start, r.end);
  const m = /\s*\(([^()]{3,})\)[.,;]?\s*$/.exec(text);
  if (!m || m.index < 15) return;
  if ((m[1]?.match(/\p{L}+/gu) ?? []).length < 4) return;
  if ((text.slice(0, m.index).match(/[“”"]/g) ?? []).length % 2) return;
  r.end = r.start + m.index;
}

/** Cue words that open a second attribution after a comma or a conjunction ("..., and 40 percent said ..."). */
const SECOND_CUE =
  /(?:, while|, but|, and|,| and| while| but) (?=(?:[\p{L}\p{N}’'-]+ ){0,5}(?:said|say|says|told|accused|accuses|argued|argue|argues|claimed|claims|showing|shows|showed|contradicting|insisted|insists|warned|warns|denied|denies|believe|believes|contend|contends)\b)/gu;

/** Openers of a subordinate clause: a comma after one closes that clause, not the reported words. */
const CLAUSE_OPENING = /^(?:that\s+)?(?:while|although|though|if|when|after|before|because|since|unless|even)\b/i;

/**
 * "Half said they were worried, while 40 percent said ...", "Video shows that he had his hands up,
 * contradicting the police's claim that ...": a second speaker or cue after a comma or conjunction
 * starts another attribution, so an unquoted span ends before it (PolNeAR marks the two apart).
 */
function secondAttribution(body: string, r: Attribution): void {
  const text = body.slice(r.start, r.end);
  // Quoted words, straight or doubled-apostrophe, belong to their speaker whatever they contain.
  if (/[“”"]|''/.test(body.slice(Math.max(0, r.start - 2), r.end + 2)) || text.startsWith("'")) return;
  // A span of several sentences is someone's own words run together, not one reported clause.
  if (CLAUSE_OPENING.test(text) || /[.?!]\s+\p{Lu}/u.test(text)) return;
  // One pass over the span: the first cue after a comma or conjunction decides.
  for (const m of text.matchAll(SECOND_CUE)) {
    const at = m.index;
    if (at < 1) continue;
    const left = text.slice(0, at);
    // A lead-in of a word or two ("Honestly, I mean") is not a clause of its own; "but that ..." goes on.
    if ((left.match(/\p{L}+/gu) ?? []).length < 3) return;
    if (/^\s*that\b/.test(text.slice(at + m[0].length))) return;
    r.end = r.start + at;
    return;
  }
}

/** Titles and initials whose period names go on after ("Sen.", "Mr.", "U.S.", "J."): never an object's end. */
const NAME_ABBREVIATION =
  /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Sen|Sens|Rep|Reps|Gov|Govs|Lt|Col|St|Prof|Rev|Capt|Sgt|Adm|Maj|Ft|Mt|(?:\p{Lu}\.)+\p{Lu})$/u;

/**
 * Whether token i is the period of such an abbreviation, touching it and followed by a word: a name
 * ("Sen. Tom Reyes") or a lower-case word, which no sentence starts with ("U.N. resolutions").
 */
function nameAbbreviationDot(tokens: readonly Token[], i: number): boolean {
  const dot = tokens[i];
  const word = tokens[i - 1];
  return (
    dot?.text === '.' &&
    word !== undefined &&
    word.end === dot.start &&
    NAME_ABBREVIATION.test(word.text) &&
    (isCapitalised(tokens[i + 1]?.text ?? '') || /^\p{Ll}/u.test(tokens[i + 1]?.text ?? ''))
  );
}

/**
 * Whether "and"/"or" at e joins a second object ("the tax code and lower rates", "the war and the
 * Second Amendment") rather than a second verb or clause ("... and said", "... and he left").
 */
function coordinatedObject(tokens: readonly Token[], e: number): boolean {
  const conj = low(tokens[e]);
  if (conj !== 'and' && conj !== 'or') return false;
  const next = tokens[e + 1];
  if (!next || !isWord(next)) return false;
  const l = next.lower;
  return !(
    l.endsWith('ed') ||
    SPEECH_VERBS.has(l) ||
    STANCE_VERBS.has(l) ||
    SUBJECT_PRONOUNS.has(l) ||
    AUXILIARIES.has(l) ||
    OBJECT_END.has(l) ||
    cueAt(tokens, e + 1) !== null
  );
}

/** Examples given of a stance verb's object after a comma (", including ...", ", such as ..."): still the object. */
const EXAMPLE_OPENERS = new Set(['including', 'such', 'especially', 'particularly', 'notably']);

/**
 * Words of OBJECT_END that a stance verb's object, or a framed quoted fragment, runs on through: its
 * complement ("described the vote as a fraud", "such as ..."), a relative clause on it ("praised the
 * workers who ...") and a reason or contrast given with it ("called it “a disaster” because ...").
 */
const OBJECT_GOES_ON = new Set(['as', 'who', 'while', 'because', 'even', 'earlier']);

/** Where words were said: "in a statement", "in an interview", "on Twitter", "during a speech". */
const VENUE_NOUNS = new Set([
  'statement',
  'statements',
  'interview',
  'interviews',
  'tweet',
  'tweets',
  'speech',
  'post',
  'letter',
  'email',
  'op-ed',
  'press',
  'news',
  'rally',
  'debate',
  'twitter',
  'facebook',
]);

/** Whether a venue phrase starts at e: "in a statement", "during a rally", "on Twitter", "in his speech". */
function isVenue(tokens: readonly Token[], e: number): boolean {
  const l = low(tokens[e]);
  if (l !== 'in' && l !== 'on' && l !== 'during' && l !== 'at') return false;
  let m = e + 1;
  if (DETERMINERS.has(low(tokens[m])) || POSSESSIVE_DETERMINERS.has(low(tokens[m]))) m++;
  // One modifier may come first ("in a written statement", "in a televised interview").
  if (!VENUE_NOUNS.has(low(tokens[m])) && VENUE_NOUNS.has(low(tokens[m + 1]))) m++;
  return VENUE_NOUNS.has(low(tokens[m]));
}

/**
 * "The union, which endorsed Reyes, ...": a relative pronoun after a comma is the subject of the verb
 * it opens (it stands for the head before it), so the verb's object is attributed too.
 */
function relativeSubject(tokens: readonly Token[], v: number, s0: number): Np | null {
  let r = v - 1;
  while (r > s0 && VERB_PREFIX.has(low(tokens[r]))) r--;
  const rel = low(tokens[r]);
  const head = tokens[r - 1];
  if (r <= s0 || !(rel === 'which' || rel === 'that') || !head) return null;
  // "that" is a relative only right after a noun ("a group that backed him"), not after a verb or a comma.
  const afterNoun = isWord(head) && !SPEECH_VERBS.has(head.lower) && !FUNCTION_WORDS.has(head.lower);
  if (!(afterNoun || (rel === 'which' && head.text === ','))) return null;
  return { from: r, to: r + 1, roleFrom: -1, roleTo: -1 };
}

/** "X criticized Y", "X declined to comment": the object of a stance verb, spoken for by the subject. */
function stanceAttribution(
  ctx: Context,
  tokens: readonly Token[],
  v: number,
  s0: number,
  s1: number,
  inQuote: readonly (MarkedSpan | null)[],
  paragraph: number,
  objectStart: number,
): Attribution | null {
  let np: Np | null = null;
  if (tokens[v - 1]?.text === ',' && low(tokens[v]).endsWith('ing')) {
    // "“...,” he said, citing low growth": a participle after a comma takes the subject of a cue right
    // before it, or else the sentence's subject (never words inside a quote that opens the sentence).
    if (cueAt(tokens, v - 2)) np = subjectBefore(tokens, v - 2, s0);
    else if (!inQuote[s0]) np = sentenceSubject(tokens, s0, v);
  }
  if (!np) np = subjectBefore(tokens, v, s0);
  if (!np && low(tokens[v - 1]) === 'and') np = sentenceSubject(tokens, s0, v);
  const relative = np ? null : relativeSubject(tokens, v, s0);
  if (relative) np = relative;
  if (!np || (!relative && !npLooksLikeSpeaker(tokens, np, ctx.entityStarts))) return null;
  // "railed against the plan": the particle is the verb's; its object follows it.
  const k = objectStart === v + 1 && low(tokens[objectStart]) === 'against' ? objectStart + 1 : objectStart;
  let e = k;
  while (e < s1 && e < k + 40) {
    const t = tokens[e];
    if (!t) break;
    // "the impeachment of U.S. Attorney General ...": an abbreviation's period does not end the object.
    const abbrevDot = t.text === '.' && e + 1 < s1 && isAbbreviation(tokens[e - 1]?.text ?? '');
    // "... in a statement", "... in a tweet Sunday": where it was said, not what.
    if (e > k && !inQuote[e] && isVenue(tokens, e)) break;
    if (
      !inQuote[e] &&
      (/^[,;:.!?—–()]$/.test(t.text) ||
        (e > k && OBJECT_END.has(t.lower) && !OBJECT_GOES_ON.has(t.lower) && !coordinatedObject(tokens, e))) &&
      !nameAbbreviationDot(tokens, e) &&
      !abbrevDot &&
      !(t.text === ',' && EXAMPLE_OPENERS.has(low(tokens[e + 1])))
    )
      break;
    e++;
  }
  // "endorsed Tom Reyes for mayor on Tuesday": a preposition left before the time is not the object's.
  if (e - 1 > k && TIME_WORDS.has(low(tokens[e])) && CONTENT_BAD_START.has(low(tokens[e - 1]))) e--;
  const first = tokens[k];
  const last = tokens[e - 1];
  if (!first || !last || e <= k || (CONTENT_BAD_START.has(first.lower) && first.lower !== 'to')) return null;
  // "strong support among black voters", "pledged delegates", "a hedge fund": the cue word is a noun or an
  // adjective here, and what follows is no object of a stance.
  if (first.lower === 'among' || first.lower === 'across') return null;
  if (NOUN_AFTER_CUE.get(low(tokens[v]))?.has(first.lower)) return null;
  if (SUBJECT_PRONOUNS.has(first.lower) && first.lower !== 'it' && first.lower !== 'you') return null;
  // "The loopholes he cited are ...": a verb right after means the stance verb ended a relative clause.
  if (AUXILIARIES.has(first.lower)) return null;
  return {
    start: first.start,
    end: last.end,
    speaker: speakerOf(ctx, tokens, np),
    cue: tokens[v]?.text ?? null,
    kind: 'indirect',
    paragraph,
  };
}

/** "Cruz continued:" closing the previous paragraph introduces a quote that opens this one. */
function colonIntro(
  ctx: Context,
  body: string,
  paragraphs: readonly Paragraph[],
  index: number,
): { speaker: SpeakerMention; cue: string } | null {
  // Paragraphs are numbered 1..n in order, so the previous one sits at position index - 2.
  const guess = paragraphs[index - 2];
  const prev = guess?.index === index - 1 ? guess : undefined;
  if (!prev || !body.slice(prev.start, prev.end).trimEnd().endsWith(':')) return null;
  const from = Math.max(prev.start, prev.end - 300);
  const tokens = tokenize(body, from, prev.end);
  let s = 0;
  for (let i = 0; i < tokens.length - 1; i++) if (/^[.!?]$/.test(tokens[i]?.text ?? '')) s = i + 1;
  while (s < tokens.length && !isWord(tokens[s])) s++;
  for (let c = s; c < tokens.length; c++) {
    const cc =
      cueAt(tokens, c) ?? (FRAMING_VERBS.has(low(tokens[c])) && c > s ? { base: low(tokens[c]), next: c + 1 } : null);
    if (!cc) continue;
    const np =
      cc.base === 'according to' || c === s
        ? subjectAfter(tokens, cc.next, tokens.length - 1)
        : subjectBefore(tokens, c, s);
    if (np && npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) {
      return { speaker: speakerOf(ctx, tokens, np), cue: tokens[c]?.text ?? ':' };
    }
  }
  // No speech verb ("Cruz called them on it:"): the sentence's subject speaks.
  const np = sentenceSubject(tokens, s, tokens.length - 1);
  if (np && npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) return { speaker: speakerOf(ctx, tokens, np), cue: ':' };
  return null;
}

/** The speaker and cue between a lead-in's comma and the words after: "…, Ms. Park said on Friday, …". */
const INTERRUPTION = /^,\s+(?:[^\s,;:!?“”"]+\s+){0,2}$/;
/** A lead-in that ends in one of these is an unfinished clause ("which, he said, …"), not words reported. */
const OPEN_LEAD_END = /\b(?:and|or|but|which|who|that|whom|if|as|because)$/i;
/** Words between an interrupting speaker and the cue: nothing, or one adverb or auxiliary ("often says"). */
const CUE_PREFIX = /^\s*(?:(?:\p{Ll}+ly|often|also|later|then|again|once|still|has|have|had)\s+)?$/u;
/** A longer aside after an interrupting cue: a time or a place, up to the closing comma. */
const LONG_ASIDE = /^\s+(?:earlier|later|recently|in|at|during)\s[^,;:.!?“”"]*,\s*[“"]?$/;
/** From the speaker mention to the words after: the cue, a short time or place, and the closing comma. */
const AFTER_CUE = /^[^,;:.!?“”"]{0,40},\s*[“"]?$/;

/**
 * "Town halls, Ms. Park said, are places where …": an attribution that interrupts a sentence
 * reports the words before it as well as those after, so the lead-in is a span of its own with the
 * same speaker (when nothing else claims it).
 */
function leadInFragments(body: string, sentences: readonly Sentence[], results: Attribution[]): void {
  const sorted = [...results].sort((x, y) => x.start - y.start);
  // The furthest end among the spans sorted so far: an overlap test by binary search, not by a scan.
  const reach: number[] = [];
  for (const o of sorted) reach.push(Math.max(o.end, reach[reach.length - 1] ?? -1));
  const overlapsAny = (start: number, end: number): boolean => {
    const before = countStartingBefore(sorted, end);
    return before > 0 && (reach[before - 1] ?? -1) > start;
  };
  let lastLeadEnd = -1;
  let si = 0;
  for (const r of sorted) {
    const sp = r.speaker;
    if (!sp || !r.cue || !SPEECH_VERBS.has(r.cue.toLowerCase()) || /ing$/i.test(r.cue)) continue;
    while (si < sentences.length && (sentences[si]?.end ?? 0) <= r.start) si++;
    const s = sentences[si];
    // Lead-ins and asides are short: longer stretches are not read (and never sliced).
    if (!s || s.start >= sp.start || sp.end > r.start || sp.start - s.start > 600 || r.start - sp.end > 120) continue;
    const lead = body.slice(s.start, sp.start);
    const comma = lead.lastIndexOf(',');
    if (comma <= 0 || !INTERRUPTION.test(lead.slice(comma))) continue;
    const middle = body.slice(sp.end, r.start);
    // "Climate change, Mr. Obama often says, is …": an adverb or auxiliary may stand before the cue.
    const cueFrom = middle.indexOf(r.cue);
    if (cueFrom < 0 || !CUE_PREFIX.test(middle.slice(0, cueFrom))) continue;
    // "Stumpf explained earlier in the committee hearing, …": a longer aside when it is a time or a place.
    const afterCue = middle.slice(cueFrom + r.cue.length);
    if (!AFTER_CUE.test(middle) && !(LONG_ASIDE.test(afterCue) && afterCue.length <= 60)) continue;
    const leadText = lead.slice(0, comma);
    if (OPEN_LEAD_END.test(leadText)) continue;
    // "(That said, she noted …": a set phrase, or words opened by a bracket, are not what was reported.
    if (/\b(?:that|having) said$/i.test(leadText) || leadText.trimStart().startsWith('(')) continue;
    const start = s.start;
    const end = trimEnd(body, start, s.start + comma);
    if (end - start < 2) continue;
    if (start < lastLeadEnd || overlapsAny(start, end)) continue;
    lastLeadEnd = end;
    results.push({ ...r, start, end, kind: r.kind === 'indirect' ? 'indirect' : 'unmarked' });
  }
}

/** Headline verbs that report what their subject said, in the present tense headlines use. */
const HEADLINE_CUES = new Set([
  'says',
  'said',
  'calls',
  'reveals',
  'announces',
  'claims',
  'warns',
  'admits',
  'insists',
  'predicts',
  'vows',
  'argues',
  'suggests',
  'denies',
  'shows',
  'finds',
]);

/** A headline word that may sit inside a speaker's name ("Trump’s Son", "GOP Rep McCaul"). */
function headlineNameWord(t: Token | undefined): boolean {
  return t !== undefined && (isCapitalised(t.text) || /^\p{N}/u.test(t.text)) && !HEADLINE_CUES.has(t.lower);
}

/**
 * A title-case headline "Obama Says Museum Will Tell …" or "Museum Will Tell …, Obama Says": a capitalised
 * cue (which cueAt reads as part of a name elsewhere) with a short capitalised subject reports the rest.
 */
function headlineCue(ctx: Context, body: string, tokens: readonly Token[], paragraph: number): Attribution | null {
  if (tokens.length < 4 || tokens.length > 40) return null;
  // A subtitle after a semicolon is a headline of its own.
  let last = tokens.findIndex((t) => t.text === ';');
  if (last < 0) last = tokens.length;
  last--;
  while (last > 0 && /^[.!?;]$/.test(tokens[last]?.text ?? '')) last--;
  // "…, Former White House Doctor Says."
  const final = tokens[last];
  if (final && (final.lower === 'says' || final.lower === 'said')) {
    let c = last - 1;
    while (c > 0 && last - c <= 6 && headlineNameWord(tokens[c])) c--;
    const np: Np = { from: c + 1, to: last, roleFrom: -1, roleTo: -1 };
    const first = tokens[0];
    const before = tokens[c - 1];
    if (tokens[c]?.text === ',' && c + 1 < last && first && before && c >= 3) {
      const end = trimEnd(body, first.start, before.end);
      return {
        start: first.start,
        end,
        speaker: speakerOf(ctx, tokens, np),
        cue: final.text,
        kind: 'indirect',
        paragraph,
      };
    }
  }
  // "Obama Says African-American Museum Will Tell …", "Bill Clinton calls Obamacare ‘crazy system’ …".
  for (let v = 1; v <= 6 && v < last; v++) {
    const t = tokens[v];
    if (!t || !HEADLINE_CUES.has(t.lower)) continue;
    if (!isCapitalised(t.text) && t.lower !== 'calls') return null;
    for (let k = 0; k < v; k++) if (!headlineNameWord(tokens[k]) && !/^['’]s$/.test(tokens[k]?.text ?? '')) return null;
    const next = tokens[v + 1];
    // "Calls for a special prosecutor", "Calls on Congress": a stance with its particle, read elsewhere.
    if (!next || ['for', 'on', 'off', 'out', 'it'].includes(next.lower)) return null;
    // "Clinton Says Russians Hacked DNC, Calls …": a second headline verb after a comma starts its own claim.
    let e = last;
    for (let k = v + 2; k < last; k++) {
      if (tokens[k]?.text === ',' && HEADLINE_CUES.has(low(tokens[k + 1]))) {
        e = k - 1;
        break;
      }
    }
    const lastTok = tokens[e];
    if (!lastTok || e - v < 2) return null;
    const np: Np = { from: 0, to: v, roleFrom: -1, roleTo: -1 };
    const end = trimEnd(body, next.start, lastTok.end);
    return { start: next.start, end, speaker: speakerOf(ctx, tokens, np), cue: t.text, kind: 'indirect', paragraph };
  }
  return null;
}

/** "which Mr. Clarke says, …": a relative pronoun, up to five words (a title may end in a period), and the cue. */
const RELATIVE_BEFORE_CUE = /\b(which|what)\b,?\s+(?:(?:\p{Lu}\p{Ll}{0,3}\.|[^\s,;:.!?“”"]+)\s+){1,5}(\p{L}+),?\s*$/iu;

/**
 * "the mine, which Mr. Clarke says he is trying to keep open", "what the senators said was a tax": the
 * relative pronoun stands for what was said about, so it is a span of its own beside the clause after the cue.
 */
function relativeFragments(body: string, results: Attribution[]): void {
  const taken = [...results].sort((x, y) => x.start - y.start);
  // The furthest end among the spans sorted so far: an overlap test by binary search, not by a scan.
  const reach: number[] = [];
  for (const o of taken) reach.push(Math.max(o.end, reach[reach.length - 1] ?? -1));
  for (const r of taken) {
    if (!r.speaker || !r.cue || !SPEECH_VERBS.has(r.cue.toLowerCase()) || /ing$/i.test(r.cue)) continue;
    const from = Math.max(0, r.start - 80);
    const window = body.slice(from, r.start);
    const m = RELATIVE_BEFORE_CUE.exec(window);
    if (!m || m[2]?.toLowerCase() !== r.cue.toLowerCase()) continue;
    // "in which he said …", "all of which": the pronoun is a preposition's object, not a span.
    if (/\b(?:in|to|of|for|with|by|on|at|from|under|through|during|after|before)\s+$/i.test(window.slice(0, m.index)))
      continue;
    const start = from + m.index;
    const end = start + (m[1]?.length ?? 0);
    // Any span already over the pronoun (a stance object that ends in it) keeps it.
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((taken[mid]?.start ?? 0) < end) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0 && (reach[lo - 1] ?? -1) > start) continue;
    results.push({ ...r, start, end, kind: 'indirect' });
  }
}

function mk(start: number, end: number, speaker: SpeakerMention, cue: string, paragraph: number): Attribution {
  return { start, end, speaker, cue, kind: 'indirect', paragraph };
}
