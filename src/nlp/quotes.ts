// Quotes and attribution: every attributed span, its speaker, role, cue and kind.
import { type EntityMention, entityReading } from './entities.js';
import { resolveSpeaker, type SpeakerMention } from './speaker.js';
import {
  ADDRESSEE_VERBS,
  FRAMING_VERBS,
  SOURCE_NOUNS,
  SPEECH_VERBS,
  STANCE_VERBS,
  SUBJECT_PRONOUNS,
  VERB_PREFIX,
  WEAK_VERBS,
} from './speech-verbs.js';
import { isCapitalised, type Token, tokenize } from './tokens.js';
import type { Entity, Paragraph, Quote, QuoteKind, Sentence } from './types.js';

/** A span between quotation marks; end includes the closing mark when there is one. */
interface MarkedSpan {
  start: number;
  end: number;
  paragraph: number;
  closed: boolean;
  /** Set when an indirect attribution absorbs the span (a mixed quote). */
  absorbed: boolean;
}

const OPEN_DQ = new Set(['“', '„', '«']);
/** The characters the quotation-mark scan stops at. */
const QUOTE_CHARS = /["'`«»“”„\n]/g;
const CLOSE_DQ = new Set(['”', '»']);

/** Quotation-mark spans per paragraph; an unclosed quote runs to the paragraph's end. */
function markedSpans(body: string, paragraphs: readonly Paragraph[]): MarkedSpan[] {
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

interface Attribution {
  start: number;
  end: number;
  speaker: SpeakerMention | null;
  cue: string | null;
  kind: QuoteKind;
  paragraph: number;
}

const BOUNDARY_WORDS = new Set([
  'yet',
  'still',
  'then',
  'that',
  'which',
  'but',
  'because',
  'while',
  'when',
  'if',
  'although',
  'though',
  'since',
  'so',
  'after',
  'before',
  'until',
  'where',
  'whether',
  'as',
  'said',
  'says',
  'told',
  'and',
  'or',
  'than',
]);
const NP_STOP_AFTER = new Set([
  'who',
  'which',
  'that',
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'when',
  'while',
  'as',
  'to',
  'about',
  'from',
  'with',
  'last',
  'this',
  'earlier',
  'on',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'recently',
  'and',
  'but',
  'because',
  'though',
  'although',
  'adding',
  'noting',
  'referring',
]);
const ADVERBIALS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'yesterday',
  'today',
  'tonight',
  'recently',
  'earlier',
  'later',
  'then',
  'also',
  'again',
  'publicly',
  'privately',
  'repeatedly',
  'previously',
  'once',
  'flatly',
  'simply',
  'bluntly',
  'now',
]);
const CONTENT_BAD_START = new Set([
  'in',
  'on',
  'at',
  'to',
  'for',
  'of',
  'about',
  'with',
  'from',
  'by',
  'during',
  'after',
  'before',
  'and',
  'but',
  'or',
  'as',
  'so',
  'up',
  'out',
  'off',
  'so',
  'yes',
  'no',
  'thanks',
  'goodbye',
  'sorry',
]);
const FIRST_PERSON = /(?<![\p{L}])(?:I|I[’']m|I[’']ve|I[’']d|I[’']ll|me|my|we|We|our|Our|us|My)(?![\p{L}])/u;

const NOT_BEFORE_VERB = new Set([
  'a',
  'an',
  'the',
  'his',
  'her',
  'their',
  'its',
  'this',
  'my',
  'our',
  'your',
  'of',
  'for',
  'in',
  'on',
  'with',
  'at',
  'by',
  'from',
  'into',
  'about',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'some',
  'many',
  'most',
  'several',
  'other',
  'another',
  'one',
  'two',
  'three',
  'four',
  'both',
  'all',
  'few',
  'more',
]);
const ROLE_WORDS = new Set([
  'director',
  'chairman',
  'chairwoman',
  'chair',
  'secretary',
  'editor',
  'founder',
  'manager',
  'strategist',
  'consultant',
  'pollster',
  'professor',
  'historian',
  'fellow',
  'economist',
  'executive',
  'member',
  'head',
  'chief',
  'counsel',
  'co-founder',
  'partner',
  'researcher',
  'scholar',
  'activist',
  'organizer',
  'delegate',
  'voter',
  'resident',
  'student',
  'owner',
  'mayor',
  'representative',
  'congressman',
  'congresswoman',
  'commissioner',
  'ambassador',
  'minister',
  'adviser',
  'advisor',
  'spokesman',
  'spokeswoman',
  'leader',
  'president',
  'vice',
  'candidate',
  'nominee',
  'analyst',
  'author',
  'host',
  'columnist',
  'correspondent',
  'reporter',
  'writer',
  'lawyer',
  'attorney',
  'official',
  'aide',
]);
const INTRO_WORDS = new Set([
  'in',
  'at',
  'on',
  'during',
  'after',
  'before',
  'since',
  'following',
  'despite',
  'with',
  'for',
  'from',
  'by',
  'as',
  'when',
  'while',
  'if',
  'although',
  'though',
  'like',
  'unlike',
  'amid',
  'asked',
  'speaking',
  'earlier',
  'later',
  'last',
  'this',
  'meanwhile',
  'still',
  'instead',
  'yesterday',
  'today',
]);
const TAIL_STARTS = new Set([
  'in',
  'on',
  'at',
  'during',
  'after',
  'before',
  'when',
  'while',
  'as',
  'to',
  'of',
  'about',
  'from',
  'with',
  'this',
  'last',
  'earlier',
  'later',
  'recently',
  'yesterday',
  'today',
  'tonight',
  'via',
  'through',
  'by',
  'following',
  'referring',
  'adding',
  'noting',
  'speaking',
  'citing',
  'according',
  'without',
  'for',
  'again',
  'also',
  'then',
  'flatly',
  'simply',
  'bluntly',
  'privately',
  'publicly',
  'repeatedly',
]);
const WH_WORDS = new Set(['how', 'what', 'why', 'whether', 'if', 'who', 'when', 'where', 'which']);
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
  /(?:show|program|programme|podcast|movie|film|book|documentary|song|album|series|column|article|op-ed|headline|magazine|newspaper|titled|entitled|called|named|dubbed|with|on|of|in|the)\W*$/;
const SUBORDINATORS = new Set([
  'while',
  'when',
  'if',
  'although',
  'though',
  'as',
  'after',
  'because',
  'since',
  'whereas',
  'unless',
  'before',
  'once',
]);
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
const CLAUSE_CONJUNCTIONS = new Set(['although', 'though', 'but', 'while', 'whereas', 'and', 'as', 'because']);
const ROLE_OPENERS = new Set(['who', 'which', 'whose', 'then', 'former', 'now']);
const FUNCTION_WORDS = new Set([
  'to',
  'and',
  'but',
  'or',
  'of',
  'in',
  'on',
  'for',
  'with',
  'at',
  'by',
  'as',
  'from',
  'that',
  'which',
  'than',
  'if',
  'then',
  'so',
]);

function low(t: Token | undefined): string {
  return t ? t.lower : '';
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && /^[\p{L}\p{N}]/u.test(t.text);
}

/** A speech cue at token i: its base form and the index after it. "according to" counts. */
function cueAt(tokens: readonly Token[], i: number): { base: string; next: number } | null {
  const t = tokens[i];
  if (!t) return null;
  const l = t.lower;
  if (l === 'according' && low(tokens[i + 1]) === 'to') return { base: 'according to', next: i + 2 };
  const base = SPEECH_VERBS.get(l);
  if (!base) return null;
  if (base === 'point out') return low(tokens[i + 1]) === 'out' ? { base, next: i + 2 } : null;
  // "the report said" is a cue, "a report" is a noun: nouns follow a determiner.
  const prev = low(tokens[i - 1]);
  if (NOT_BEFORE_VERB.has(prev)) return null;
  // "Secretary of State": a capitalised cue inside a sentence is part of a name.
  if (isCapitalised(t.text) && i > 0 && !/^[.!?;:“”"—(]$/.test(tokens[i - 1]?.text ?? '')) return null;
  return { base, next: i + 1 };
}

interface Np {
  from: number;
  to: number;
  roleFrom: number;
  roleTo: number;
}

/** Adverbs that can precede a subject without being part of it ("Now Bloomberg says"). */
const NP_LEADING_ADVERBS = new Set([
  'now',
  'then',
  'also',
  'still',
  'yet',
  'so',
  'but',
  'and',
  'meanwhile',
  'instead',
  'later',
  'earlier',
  'even',
  'however',
]);

const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'your', 'my']);

/** Participles that modify a speaker ("retired Gen. John Kelly", "embattled governor"). */
const PARTICIPLE_MODIFIERS = new Set([
  'retired',
  'elected',
  'embattled',
  'unnamed',
  'unidentified',
  'leading',
  'ranking',
  'outgoing',
  'incoming',
  'disgraced',
  'jailed',
  'indicted',
  'fired',
  'ousted',
  'presumed',
  'founding',
  'reigning',
  'ailing',
  'acting',
  'aged',
  'longstanding',
  'concerned',
  'frustrated',
  'unaffiliated',
  'registered',
  'undecided',
  'self-described',
  'so-called',
]);

/** Words that cannot open a speaker's noun phrase. */
const NOT_NP_START = new Set([
  'however',
  'here',
  'there',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'do',
  'does',
  'did',
  'not',
  "he's",
  "she's",
  "it's",
  'he’s',
  'she’s',
  'it’s',
  'during',
  'in',
  'on',
  'at',
  'after',
  'before',
  'when',
  'while',
  'to',
  'for',
  'of',
  'by',
  'with',
  'from',
  'if',
  'as',
  'but',
  'and',
  'or',
  'so',
  'also',
  'then',
  'now',
  'still',
  'yet',
  'just',
  'does',
]);

/** A noun phrase that cannot be a speaker: a time, a preposition, a verb, a lone possessive. */
function npSane(tokens: readonly Token[], np: Np): boolean {
  const first = tokens[np.from];
  if (!first) return false;
  const l = first.lower;
  if (NOT_NP_START.has(l) && !(l === 'at' && low(tokens[np.from + 1]) === 'least')) return false;
  const single = np.to - np.from === 1;
  if (
    single &&
    (TIME_WORDS.has(l) || ADVERBIALS.has(l) || POSSESSIVE_DETERMINERS.has(l) || l === 'the' || /['’]s$/.test(l))
  )
    return false;
  if (!isCapitalised(first.text) && /(?:ing|ed)$/.test(l) && !SOURCE_NOUNS.has(l) && !PARTICIPLE_MODIFIERS.has(l))
    return false;
  return true;
}

function npLooksLikeSpeaker(tokens: readonly Token[], np: Np, entityStarts: ReadonlySet<number>): boolean {
  const n = np.to - np.from;
  if (n <= 0 || n > 12) return false;
  if (!npSane(tokens, np)) return false;
  for (let k = np.from; k < np.to; k++) {
    const t = tokens[k];
    if (!t) continue;
    const l = t.lower;
    if (n === 1 && SUBJECT_PRONOUNS.has(l)) return true;
    if (SOURCE_NOUNS.has(l) || ROLE_WORDS.has(l)) return true;
    if (entityStarts.has(t.start)) return true;
    if (isCapitalised(t.text) && k > np.from && /^\p{Lu}\p{Ll}/u.test(t.text)) return true;
    if (isCapitalised(t.text) && n <= 3 && !['The', 'A', 'An', 'It', 'This', 'That', 'There'].includes(t.text))
      return true;
  }
  const last = low(tokens[np.to - 1]);
  if (['who', 'which', 'one', 'others', 'some', 'many', 'both', 'percent', 'half', 'third', 'majority'].includes(last))
    return true;
  // "The actress said", "some advocates for stem cell research said": a short determiner phrase.
  const first = low(tokens[np.from]);
  return n <= 6 && DETERMINERS.has(first) && /^\p{Ll}+$/u.test(last) && !FUNCTION_WORDS.has(last);
}

/** The subject noun phrase ending right before token `v` (skipping "also", "has", ...). */
function subjectBefore(tokens: readonly Token[], v: number, lo: number): Np | null {
  let k = v - 1;
  while (k >= lo && VERB_PREFIX.has(low(tokens[k]))) k--;
  if (k < lo) return null;
  let roleFrom = -1;
  let roleTo = -1;
  if (tokens[k]?.text === ',') {
    // "John Bolton, Trump's former adviser, said": the apposition is the role.
    // "Marley Anderson, 21, a junior from Las Vegas, said": the nearest comma (of three) with a
    // name or description before it and a role-like opener after it.
    let c = k - 1;
    let commas = 0;
    let found = -1;
    while (c > lo && c > k - 40 && commas < 5) {
      const x = tokens[c]?.text ?? '';
      if (/^[;:]$/.test(x) || (x === '.' && !/^\p{Lu}[\p{L}.-]{0,4}$/u.test(tokens[c - 1]?.text ?? ''))) break;
      if (x === ',') {
        commas++;
        const opener = tokens[c + 1];
        const headBefore = tokens[c - 1];
        let roleWord = false;
        for (let r = c + 1; r < k && !roleWord; r++)
          roleWord = SOURCE_NOUNS.has(low(tokens[r])) || ROLE_WORDS.has(low(tokens[r]));
        const openerOk =
          opener !== undefined &&
          (!isCapitalised(opener.text) ||
            /['’]s$/.test(opener.text) ||
            /^\p{N}/u.test(opener.text) ||
            ['The', 'A', 'An'].includes(opener.text) ||
            ROLE_OPENERS.has(low(opener)) ||
            roleWord ||
            k - c <= 5);
        const headOk =
          headBefore !== undefined &&
          (isCapitalised(headBefore.text) ||
            headBefore.text === ')' ||
            SOURCE_NOUNS.has(low(headBefore)) ||
            (isWord(headBefore) &&
              !FUNCTION_WORDS.has(low(headBefore)) &&
              ['including', 'who', 'which', 'whose'].includes(low(tokens[c + 1]))));
        if (openerOk && headOk) {
          found = c;
          break;
        }
      }
      c--;
    }
    if (found < 0) return null;
    const opener = low(tokens[found + 1]);
    if (!['who', 'which', 'whose', 'that'].includes(opener) && !/^\p{N}/u.test(opener)) {
      roleFrom = found + 1;
      roleTo = k;
    }
    k = found - 1;
  }
  if (tokens[k]?.text === ')') {
    // "Gov. John Kasich (R-OH)," / "Sen. Ted Cruz (Tex.) has said": step over the brackets.
    let o = k;
    while (o > lo && tokens[o]?.text !== '(' && k - o < 8) o--;
    if (tokens[o]?.text === '(') k = o - 1;
  }
  const to = k + 1;
  let from = to;
  while (from - 1 >= lo && to - from < 12) {
    const t = tokens[from - 1];
    if (!t) break;
    const l = t.lower;
    if (!isWord(t) && t.text !== '.' && t.text !== '-' && t.text !== '&') break;
    if (t.text === '.' && !/^\p{Lu}[\p{L}.]{0,4}$/u.test(tokens[from - 2]?.text ?? '')) break;
    if (
      BOUNDARY_WORDS.has(l) &&
      !(l === 'and' && isCapitalised(tokens[from - 2]?.text ?? '') && isCapitalised(tokens[from]?.text ?? '')) &&
      // "Politicians and even some technologists say": two plural nouns joined as one subject.
      !(l === 'and' && /s$/.test(low(tokens[from - 2])) && SOURCE_NOUNS.has(low(tokens[from - 2])) && from > lo + 1)
    )
      break;
    if (SPEECH_VERBS.has(l) && from < to) break;
    from--;
  }
  while (from < to - 1 && NP_LEADING_ADVERBS.has(low(tokens[from]))) from++;
  if (from >= to) return null;
  // Relative clauses end the head: "the top official who served under Trump".
  for (let r = from + 1; r < to; r++) {
    const l = low(tokens[r]);
    if (l === 'who' || l === 'whose') {
      return { from, to: r, roleFrom: -1, roleTo: -1 };
    }
  }
  return { from, to, roleFrom, roleTo };
}

/** The noun phrase right after a verb ("said Robert Antonacci of the New York delegation"). */
function subjectAfter(tokens: readonly Token[], v: number, hi: number): Np | null {
  let k = v;
  while (k < hi && (TIME_WORDS.has(low(tokens[k])) || (low(tokens[k]) === 'on' && TIME_WORDS.has(low(tokens[k + 1])))))
    k++;
  const from = k;
  while (k < hi && k - from < 10) {
    const t = tokens[k];
    if (!t) break;
    if (!isWord(t) && !(t.text === '.' && k > from && /^\p{Lu}[\p{L}.]{0,4}$/u.test(tokens[k - 1]?.text ?? ''))) break;
    const l = t.lower;
    if (k > from && NP_STOP_AFTER.has(l)) break;
    k++;
  }
  if (k <= from) return null;
  let roleFrom = -1;
  let roleTo = -1;
  const roleStart = tokens[k + 1]?.text ?? 'X';
  if (
    tokens[k]?.text === ',' &&
    (!isCapitalised(roleStart) || /['’]s$/.test(roleStart) || ['The', 'A', 'An'].includes(roleStart))
  ) {
    let c = k + 1;
    while (c < hi && c < k + 20 && !/^[,.;:“”"]$/.test(tokens[c]?.text ?? '')) c++;
    const first = low(tokens[k + 1]);
    if (c > k + 1 && first !== 'who' && first !== 'which' && first !== 'as' && first !== 'adding') {
      roleFrom = k + 1;
      roleTo = c;
    }
  }
  return { from, to: k, roleFrom, roleTo };
}

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
  const mentionEndAt = new Map(mentions.map((m) => [m.start, m.end]));
  // Sentence tokens from the entity pass, regrouped by paragraph; tokenize again only without them.
  const bySentence = reading?.tokens;
  let sentenceIdx = 0;
  const paragraphTokens = (p: Paragraph): Token[] => {
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
    // Sentence ends, outside quotation marks.
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
        const isEnd =
          t &&
          /^[.!?;]$/.test(t.text) &&
          !inQuote[i] &&
          (i + 1 >= tokens.length ||
            t.text === ';' ||
            isCapitalised(tokens[i + 1]?.text ?? 'A') ||
            /^[“"‘('`«]/.test(tokens[i + 1]?.text ?? ''));
        const closesQuote =
          t !== undefined &&
          /^[”"»']$/.test(t.text) &&
          (/^[.!?]$/.test(tokens[i - 1]?.text ?? '') ||
            (tokens[i - 1]?.text === "'" && /^[.!?]$/.test(tokens[i - 2]?.text ?? ''))) &&
          (isCapitalised(tokens[i + 1]?.text ?? 'a') || /^[“"'`]/.test(tokens[i + 1]?.text ?? ''));
        const abbrev =
          t?.text === '.' &&
          /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Sr|Inc|Corp|Prof)$/u.test(tokens[i - 1]?.text ?? '');
        if ((isEnd && !abbrev) || closesQuote) {
          for (let k = from; k <= i; k++) sentEnd[k] = i + 1;
          from = i + 1;
        }
      }
      for (let k = from; k < tokens.length; k++) sentEnd[k] = tokens.length;
    }
    // sentStart was only set up to each end; fill the rest from the ends.
    {
      let from = 0;
      for (let i = 0; i < tokens.length; i++) {
        sentStart[i] = from;
        if ((sentEnd[i] ?? 0) === i + 1) from = i + 1;
      }
    }
    const firstTokenAt = (pos: number): number => {
      let lo = 0;
      let hi = tokens.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((tokens[mid]?.start ?? 0) < pos) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };

    // 1. Direct quotes: the attribution after ("...," she said) or before (she said: "...").
    for (const span of pSpans) {
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
          const abbrevDot = tokens[k]?.text === '.' && /^\p{Lu}[\p{L}.]{0,4}$/u.test(tokens[k - 1]?.text ?? '');
          if (commas > 5 || inQuote[k] || (/^[;:.“”"]$/.test(tokens[k]?.text ?? '') && !abbrevDot)) {
            k = hi;
            break;
          }
          k++;
        }
        const c2 = k < hi ? cueAt(tokens, k) : null;
        if (c2) {
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
      if (endsSentence) {
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
        if (attributedAfter && s0 < q0 && q0 - s0 <= 30 && tokens[s0]?.start !== undefined) {
          let clean = true;
          for (let k = s0; k < q0 && clean; k++) clean = !inQuote[k] && !cueAt(tokens, k);
          if (clean && !(previous && previous.end > (tokens[s0]?.start ?? 0))) {
            att.start = tokens[s0]?.start ?? att.start;
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
        if (npLooksLikeSpeaker(tokens, np, ctx.entityStarts) || isCapitalised(tokens[c - 1]?.text ?? '')) {
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
    }

    // 2. Indirect speech and quotes whose marks were lost, clause by clause.
    let lastSentenceAttribution: Attribution | null = null;
    for (let i = 0; i < tokens.length; i++) {
      if (inQuote[i]) continue;
      const t = tokens[i];
      if (!t || usedCues.has(t.start)) continue;
      const cc = cueAt(tokens, i);
      if (!cc) {
        if (!STANCE_VERBS.has(t.lower)) continue;
        let pw = i - 1;
        while (pw > 0 && (low(tokens[pw]).endsWith('ly') || ADVERBIALS.has(low(tokens[pw])))) pw--;
        const prevWord = low(tokens[pw]);
        if (!NOT_BEFORE_VERB.has(prevWord) && !NOT_BEFORE_STANCE.has(prevWord)) {
          // "Christie endorsed Trump last week": a stance toward its object is attributed too.
          const stance = stanceAttribution(
            ctx,
            tokens,
            i,
            sentStart[i] ?? 0,
            sentEnd[i] ?? tokens.length,
            inQuote,
            p.index,
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
        }
        continue;
      }
      const s0 = sentStart[i] ?? 0;
      const s1 = sentEnd[i] ?? tokens.length;
      const sentenceFirst = tokens[s0];
      const sentenceLast = tokens[s1 - 1];
      if (!sentenceFirst || !sentenceLast) continue;
      const weak = WEAK_VERBS.has(cc.base);
      let att: Attribution | null = null;
      if (cc.base === 'according to') {
        const found = subjectAfter(tokens, cc.next, s1);
        if (!found) continue;
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
          if (end && i - 2 >= s0) att = mk(sentenceFirst.start, end.end, speaker, 'according to', p.index);
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
          if (low(tokens[th]) !== 'that') continue;
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
        const subjOk = before !== null && npLooksLikeSpeaker(tokens, before, ctx.entityStarts);
        // Pattern: CLAUSE, NP said [tail].  /  CLAUSE, said NP.
        const npStart = subjOk && before ? before.from : -1;
        const commaBefore = npStart > s0 ? tokens[npStart - 1] : undefined;
        const inverted = !subjOk && tokens[i - 1]?.text === ',' ? subjectAfter(tokens, cc.next, s1) : null;
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
            if (np) {
              const speaker = speakerOf(ctx, tokens, np);
              // A parenthetical ("..., they say, would ...") covers the whole sentence.
              const parenthetical = !invertedOk && tokens[tailFrom]?.text === ',' && tail > 3;
              const leadIn = commaIdx - s0;
              // "In several cases, executives say, they have been asked ...": the part after the cue is
              // its own clause (a subject or a conjunction opens it), so lead-in and clause are two spans.
              const afterOpen = tokens[tailFrom + 1];
              const newClause =
                afterOpen !== undefined &&
                (SUBJECT_PRONOUNS.has(afterOpen.lower) ||
                  CLAUSE_CONJUNCTIONS.has(afterOpen.lower) ||
                  DETERMINERS.has(afterOpen.lower));
              const splitLead = tail - 1 >= 2 * leadIn || SUBORDINATORS.has(sentenceFirst.lower) || newClause;
              if (parenthetical && splitLead) {
                // "Recently, he said, he has realized ...": a short lead-in and the clause after are two spans.
                const afterFirst = tokens[tailFrom + 1];
                if (afterFirst) {
                  const rest = mk(afterFirst.start, sentenceLast.end, speaker, t.text, p.index);
                  rest.end = trimEnd(body, rest.start, rest.end);
                  results.push(rest);
                }
              }
              const end = parenthetical && !splitLead ? sentenceLast.end : contentEnd.end;
              att = mk(sentenceFirst.start, end, speaker, t.text, p.index);
              if (!overlapsSpan(pSpans, sentenceFirst.start, end)) att.kind = 'unmarked';
            }
          }
        }
        if (!att && subjOk && before) {
          // Pattern: NP said [addressee] [when] [that] CLAUSE.
          let k = nominalThat > 0 ? nominalThat : cc.next;
          if (ADDRESSEE_VERBS.has(cc.base)) {
            let m = k;
            while (m < s1 && m < k + 6 && low(tokens[m]) !== 'that' && isWord(tokens[m])) m++;
            if (low(tokens[m]) === 'that') k = m;
            else if (isWord(tokens[k])) k++;
          }
          k = skipAdverbials(tokens, k, s1);
          let question = false;
          if (cc.base === 'ask') {
            // "asked Sanders how he was feeling": the question starts at its wh-word.
            let m = k;
            while (m < s1 && m < k + 5 && !WH_WORDS.has(low(tokens[m])) && isWord(tokens[m])) m++;
            if (WH_WORDS.has(low(tokens[m]))) {
              k = m;
              question = true;
            }
          }
          const first = tokens[k];
          const hasThat = low(first) === 'that' || question;
          const contentLen = s1 - k;
          if (first && contentLen >= 3 && (hasThat || (!weak && !CONTENT_BAD_START.has(low(first))))) {
            const quoteStart = inQuote[k];
            const reachesEnd = quoteStart != null && quoteStart.end >= sentenceLast.start;
            if (!(quoteStart && quoteStart.start === first.start && reachesEnd)) {
              const speaker = speakerOf(ctx, tokens, before);
              let endTok = s1 - 1;
              // Inside a subordinate clause ("While Sanders admitted that ..., his campaign ..."), the
              // reported clause ends where the main clause starts.
              let subordinate = false;
              for (let m = s0; m < before.from && !subordinate; m++) subordinate = SUBORDINATORS.has(low(tokens[m]));
              // A coordinated second cue ("... and warned that ...") starts its own attribution.
              for (let m = k + 1; m < s1 - 1; m++) {
                if (inQuote[m]) continue;
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
        } else if (!att && isCoordinatedCue(tokens, i - 1)) {
          // "..., adding that ..." / "... but argues that ...": the same speaker goes on.
          let speaker = lastSentenceAttribution?.speaker ?? null;
          if (!speaker) {
            const np = sentenceSubject(tokens, s0, i);
            if (np && npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) speaker = speakerOf(ctx, tokens, np);
          }
          const k = skipAdverbials(tokens, cc.next, s1);
          const first = tokens[k];
          if (first && s1 - k >= 3 && !CONTENT_BAD_START.has(low(first))) {
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
      if (!att) continue;
      att.end = trimEnd(body, att.start, att.end);
      if (att.end - att.start < 8) continue;
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
    }

    // 2b. Quoted fragments framed by a verb ("called Trump “unhinged.”"): mixed, up to the quote's end.
    for (const span of pSpans) {
      if (span.absorbed || direct.has(span)) continue;
      const q = firstTokenAt(span.start);
      const s0 = sentStart[q] ?? 0;
      let v = -1;
      for (let k = q - 1; k >= s0 && k >= q - 12; k--) {
        if (inQuote[k] || tokens[k]?.text === ';') break;
        const l = low(tokens[k]);
        const framing =
          FRAMING_VERBS.has(l) &&
          !NOT_BEFORE_VERB.has(low(tokens[k - 1])) &&
          (!BARE_FRAMING.has(l) || BARE_VERB_BEFORE.has(low(tokens[k - 1])));
        if (framing || (SPEECH_VERBS.has(l) && cueAt(tokens, k))) {
          v = k;
          break;
        }
      }
      if (v < 0 || usedCues.has(tokens[v]?.start ?? -1)) continue;
      const verb = tokens[v];
      const first = tokens[v + 1];
      if (CONTENT_BAD_START.has(low(first)) && !FRAMING_VERBS.has(low(verb))) continue;
      if (!verb || !first) continue;
      let np = subjectBefore(tokens, v, s0);
      if (low(verb).endsWith('ing') && tokens[v - 1]?.text === ',') {
        // "..., calling Trump “a fascist”": the subject of the main clause.
        np = null;
        let e = s0;
        while (e < v && e < s0 + 8 && isWord(tokens[e]) && (e === s0 || isCapitalised(tokens[e]?.text ?? ''))) e++;
        if (e > s0) np = { from: s0, to: e, roleFrom: -1, roleTo: -1 };
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
      if (!/,[”"»']*$/.test(body.slice(span.start, span.end))) {
        const s1 = sentEnd[q] ?? tokens.length;
        let e = firstTokenAt(span.end);
        while (
          e < s1 &&
          !/^[,;:—–(]$/.test(tokens[e]?.text ?? '') &&
          !inQuote[e] &&
          !(e === s1 - 1 && /^[.!?]$/.test(tokens[e]?.text ?? ''))
        )
          e++;
        const lastTok = tokens[e - 1];
        if (lastTok && lastTok.end > att.end && e - firstTokenAt(span.end) <= 25) att.end = lastTok.end;
      }
      if (first.start >= span.start) att.kind = 'direct';
      for (const other of spansFrom(pSpans, att.start, att.end)) if (other.end <= att.end) other.absorbed = true;
      results.push(att);
    }

    // 3. Sentences that continue an unmarked quote in a paragraph without quotation marks.
    if (pSpans.length === 0) {
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
        // Forwards: the rest of the paragraph, when nothing else is attributed in it.
        const next = sentEnd[endTok] ?? tokens.length;
        const later = lastStartInParagraph > u.end;
        const first = tokens[next];
        const last = tokens[tokens.length - 1];
        if (!later && first && last && next < tokens.length) {
          results.push({ ...u, start: first.start, end: last.end, kind: 'unmarked' });
        }
      }
    }
  }

  // 4. Direct quotes: attributed, continuing the previous speaker, or left out (titles, scare quotes).
  const paragraphStart = new Map(paragraphs.map((x) => [x.index, x.start]));
  let last: Attribution | null = null;
  const byStart = [...results].sort((x, y) => x.start - y.start);
  let ri = 0;
  for (const span of spans) {
    while (ri < byStart.length && (byStart[ri]?.start ?? 0) < span.start) {
      last = byStart[ri] ?? last;
      ri++;
    }
    if (span.absorbed) continue;
    const att = direct.get(span);
    if (att) {
      results.push(att);
      last = att;
      continue;
    }
    const words = body.slice(span.start, span.end).split(/\s+/).length;
    const prevDirect = last && last.paragraph >= span.paragraph - 1 ? last : null;
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
          const sp = resolveSpeaker(ctx, tk.start, mentionEndAt.get(tk.start) ?? tk.end, null);
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

  results.sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Quote[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const r of results) {
    if (r.end <= r.start || r.start < 0 || r.end > body.length) continue;
    if (r.start === lastStart && r.end === lastEnd) continue;
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
  return out;
}

/** The subject at the start of a sentence: a pronoun, a name, or a description. */
function sentenceSubject(tokens: readonly Token[], s0: number, v: number): Np | null {
  let k = s0;
  while (k < v && ['but', 'and', 'so', 'yet', 'then', 'still'].includes(low(tokens[k]))) k++;
  // "At Sunday's debate, Sanders ...", "Reached by POLITICO, Bennett ...": the subject follows the lead-in.
  const lead = low(tokens[k]);
  if (INTRO_WORDS.has(lead) || /(?:ing|ed)$/.test(lead)) {
    let c = k;
    while (c < v && c < k + 20 && tokens[c]?.text !== ',') c++;
    if (tokens[c]?.text !== ',') return null;
    k = c + 1;
  }
  if (SUBJECT_PRONOUNS.has(low(tokens[k]))) return { from: k, to: k + 1, roleFrom: -1, roleTo: -1 };
  let e = k;
  while (e < v && e < k + 6 && (isCapitalised(tokens[e]?.text ?? '') || (tokens[e]?.text === '.' && e > k))) e++;
  if (e > k) return { from: k, to: e, roleFrom: -1, roleTo: -1 };
  return initialDescription(tokens, k, v);
}

/** A sentence-initial description up to its source noun ("Senior officials I spoke with ..."). */
function initialDescription(tokens: readonly Token[], s0: number, v: number): Np | null {
  for (let k = s0; k < v && k < s0 + 6; k++) {
    const t = tokens[k];
    if (!isWord(t)) return null;
    if (SOURCE_NOUNS.has(low(t)) && !SOURCE_NOUNS.has(low(tokens[k + 1])))
      return { from: s0, to: k + 1, roleFrom: -1, roleTo: -1 };
  }
  return null;
}

const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'month',
  'year',
  'morning',
  'night',
  'evening',
  'afternoon',
  'weekend',
  'day',
  'time',
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

/** Skips what sits between a cue and its clause: "on Friday", "this week", "in a statement", ",". */
function skipAdverbials(tokens: readonly Token[], from: number, end: number): number {
  let k = from;
  for (let guard = 0; k < end && guard < 6; guard++) {
    const l = low(tokens[k]);
    const n1 = low(tokens[k + 1]);
    if (ADVERBIALS.has(l) || TIME_WORDS.has(l)) k++;
    else if (tokens[k]?.text === ',') k++;
    else if ((l === 'this' || l === 'last' || l === 'next' || l === 'earlier' || l === 'late') && TIME_WORDS.has(n1))
      k += 2;
    else if (
      (l === 'on' || l === 'in' || l === 'at' || l === 'during' || l === 'last') &&
      (TIME_WORDS.has(n1) || ADVERBIALS.has(n1))
    )
      k += 2;
    else if (
      l === 'in' ||
      l === 'on' ||
      l === 'during' ||
      l === 'for' ||
      l === 'at' ||
      l === 'after' ||
      l === 'before' ||
      l === 'at'
    ) {
      // "in a statement", "during this week's debate", "on Fox News": up to that/",", else a short phrase.
      let m = k + 1;
      while (m < end && m < k + 8 && isWord(tokens[m]) && low(tokens[m]) !== 'that') m++;
      if (low(tokens[m]) === 'that' || tokens[m]?.text === ',') k = m;
      else if ((n1 === 'a' || n1 === 'an') && m > k + 2) k += 3;
      else if (isCapitalised(tokens[k + 1]?.text ?? '')) {
        let c = k + 1;
        while (c < end && isCapitalised(tokens[c]?.text ?? '')) c++;
        k = c;
      } else break;
    } else break;
  }
  return k;
}

/** Token m is the comma before another attribution: "..., Bolton said: “...”". */
function isEmbeddedAttribution(tokens: readonly Token[], m: number): boolean {
  const x0 = tokens[m]?.text ?? '';
  if (x0 === 'and' || x0 === 'but') {
    // "... and he said ...": a second clause with its own subject and cue.
    const subj = tokens[m + 1];
    if (!subj || !(SUBJECT_PRONOUNS.has(subj.lower) || isCapitalised(subj.text))) return false;
    for (let c = m + 2; c <= m + 4; c++) {
      const cue = cueAt(tokens, c);
      if (cue) return !WEAK_VERBS.has(cue.base) && subjectBefore(tokens, c, m + 1)?.from === m + 1;
      if (!isWord(tokens[c])) return false;
    }
    return false;
  }
  if (x0 !== ',' && x0 !== '—' && x0 !== '–' && x0 !== '-') return false;
  let n = m;
  const conj = low(tokens[m + 1]);
  if (CLAUSE_CONJUNCTIONS.has(conj)) {
    n = m + 1;
    // ", but he gave ...": a new clause with its own pronoun subject ends the reported one.
    if (
      (conj === 'but' || conj === 'although' || conj === 'though') &&
      SUBJECT_PRONOUNS.has(low(tokens[m + 2])) &&
      low(tokens[m + 2]) !== 'i'
    )
      return true;
  }
  for (let c = n + 2; c <= n + 5; c++) {
    const t = tokens[c];
    if (!t || !isWord(t)) return false;
    const cue = cueAt(tokens, c);
    if (cue) {
      if (WEAK_VERBS.has(cue.base)) return false;
      const np = subjectBefore(tokens, c, n + 1);
      if (np === null || np.from !== n + 1) return false;
      if (np.to - np.from === 1 && SUBJECT_PRONOUNS.has(low(tokens[np.from]))) return true;
      for (let k = np.from; k < np.to; k++) {
        const x = tokens[k]?.text ?? '';
        if (
          !isCapitalised(x) &&
          !(k === np.from && ['the', 'a', 'an'].includes(x.toLowerCase())) &&
          !SOURCE_NOUNS.has(x.toLowerCase())
        )
          return false;
      }
      return true;
    }
  }
  return false;
}

/** What may follow "..., X said": nothing, a time, a place, an addressee, a prepositional phrase. */
function tailLooksAdverbial(tokens: readonly Token[], from: number, end: number, base: string): boolean {
  const first = tokens[from];
  if (!first || from >= end || /^[.!?;:,—–)]$/.test(first.text)) return true;
  const l = first.lower;
  if (TAIL_STARTS.has(l) || TIME_WORDS.has(l) || ADVERBIALS.has(l)) return true;
  if (ADDRESSEE_VERBS.has(base) || base === 'write' || base === 'tweet') return true;
  return false;
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

/** "X criticized Y", "X declined to comment": the object of a stance verb, spoken for by the subject. */
function stanceAttribution(
  ctx: Context,
  tokens: readonly Token[],
  v: number,
  s0: number,
  s1: number,
  inQuote: readonly (MarkedSpan | null)[],
  paragraph: number,
): Attribution | null {
  let np = subjectBefore(tokens, v, s0);
  if (!np && low(tokens[v - 1]) === 'and') np = sentenceSubject(tokens, s0, v);
  if (!np || !npLooksLikeSpeaker(tokens, np, ctx.entityStarts)) return null;
  const k = v + 1;
  let e = k;
  while (e < s1 && e < k + 40) {
    const t = tokens[e];
    if (!t) break;
    if (!inQuote[e] && (/^[,;:.!?—–()]$/.test(t.text) || (e > k && OBJECT_END.has(t.lower)))) break;
    e++;
  }
  const first = tokens[k];
  const last = tokens[e - 1];
  if (!first || !last || e <= k || (CONTENT_BAD_START.has(first.lower) && first.lower !== 'to')) return null;
  if (SUBJECT_PRONOUNS.has(first.lower) && first.lower !== 'it' && first.lower !== 'you') return null;
  return {
    start: first.start,
    end: last.end,
    speaker: speakerOf(ctx, tokens, np),
    cue: tokens[v]?.text ?? null,
    kind: 'indirect',
    paragraph,
  };
}

/** Token m joins a second cue to a clause: "and warned", "but argues", ", adding". */
function isCoordinatedCue(tokens: readonly Token[], m: number): boolean {
  const l = low(tokens[m]);
  const next = cueAt(tokens, m + 1);
  if (!next || next.base === 'according to') return false;
  // A bare form ("and say") belongs to an embedded clause ("he would stand up and say").
  const bare = low(tokens[m + 1]) === next.base;
  if ((l === 'and' || l === 'but') && !WEAK_VERBS.has(next.base) && !bare) return true;
  return l === ',' && low(tokens[m + 1]).endsWith('ing');
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

/** Index of the first span (sorted, not overlapping) that ends after pos. */
function firstSpanEndingAfter(spans: readonly MarkedSpan[], pos: number): number {
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
function spansFrom(spans: readonly MarkedSpan[], from: number, to: number): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  for (let i = firstSpanEndingAfter(spans, from); i < spans.length; i++) {
    const s = spans[i];
    if (!s || s.start >= to) break;
    if (s.start >= from) out.push(s);
  }
  return out;
}

/** Whether any span overlaps [from, to). */
function overlapsSpan(spans: readonly MarkedSpan[], from: number, to: number): boolean {
  const s = spans[firstSpanEndingAfter(spans, from)];
  return s !== undefined && s.start < to;
}

function mk(start: number, end: number, speaker: SpeakerMention, cue: string, paragraph: number): Attribution {
  return { start, end, speaker, cue, kind: 'indirect', paragraph };
}
