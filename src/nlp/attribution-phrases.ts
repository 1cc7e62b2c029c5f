// Attribution phrases: speech cues, speaker noun phrases and clause boundaries over tokens.

import { NEVER_END } from './sentences.js';
import {
  ADDRESSEE_VERBS,
  SOURCE_NOUNS,
  SPEECH_VERBS,
  SUBJECT_PRONOUNS,
  VERB_PREFIX,
  WEAK_VERBS,
} from './speech-verbs.js';
import { isCapitalised, startsWithLetterOrNumber, type Token } from './tokens.js';

export const BOUNDARY_WORDS = new Set([
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
export const NP_STOP_AFTER = new Set([
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
export const ADVERBIALS = new Set([
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
export const CONTENT_BAD_START = new Set([
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
export const NOT_BEFORE_VERB = new Set([
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
export const DETERMINERS = new Set([
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
export const ROLE_WORDS = new Set([
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
/** Sentence adverbs that open a sentence before its subject ("Meanwhile, ..."). */
/** Words in -ing that open a role, not an aside ("acting director", "outgoing mayor", "ranking member"). */
const ROLE_PARTICIPLES = new Set([
  'acting',
  'managing',
  'outgoing',
  'incoming',
  'leading',
  'ranking',
  'founding',
  'presiding',
  'governing',
  'ruling',
  'sitting',
  'reigning',
  'serving',
  'visiting',
  'retiring',
  'consulting',
  'polling',
  'long-serving',
  'longstanding',
  'longtime',
]);

const LEAD_ADVERBS = new Set([
  'meanwhile',
  'however',
  'instead',
  'still',
  'later',
  'earlier',
  'now',
  'then',
  'also',
  'separately',
  'overall',
  'indeed',
  'moreover',
  'furthermore',
  'nonetheless',
  'nevertheless',
  'yesterday',
  'today',
  'tonight',
  'previously',
  'afterward',
  'afterwards',
]);

export const INTRO_WORDS = new Set([
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
export const TAIL_STARTS = new Set([
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
export const WH_WORDS = new Set(['how', 'what', 'why', 'whether', 'if', 'who', 'when', 'where', 'which']);
export const SUBORDINATORS = new Set([
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
export const CLAUSE_CONJUNCTIONS = new Set(['although', 'though', 'but', 'while', 'whereas', 'and', 'as', 'because']);
export const ROLE_OPENERS = new Set(['who', 'which', 'whose', 'then', 'former', 'now']);
export const FUNCTION_WORDS = new Set([
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

/** A capitalised abbreviation before a period: "Mr", "U.S", "Gen", and a party-state tag "R-Ky". */
export function isAbbreviation(text: string): boolean {
  return /^\p{Lu}[\p{L}.]{0,4}$|^[RDI]-\p{Lu}[\p{L}.]{0,4}$/u.test(text);
}

export function low(t: Token | undefined): string {
  return t ? t.lower : '';
}

export function isWord(t: Token | undefined): boolean {
  return t !== undefined && startsWithLetterOrNumber(t.text);
}

/** Cue words that, before these words, are part of a noun phrase ("pledged delegates", "attack ads"). */
export const NOUN_AFTER_CUE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['pledged', new Set(['delegate', 'delegates'])],
  ['attack', new Set(['ad', 'ads'])],
  ['hedge', new Set(['fund', 'funds', 'funder', 'funders'])],
]);

/** Words before "state(s)" that make it the noun: counts, quantifiers and the usual kinds of state. */
const STATE_MODIFIERS: ReadonlySet<string> = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'several',
  'many',
  'few',
  'both',
  'all',
  'other',
  'those',
  'these',
  'more',
  'most',
  'some',
  'battleground',
  'swing',
  'large',
  'small',
  'diverse',
  'single',
  'member',
  'nominating',
  'primary',
  'western',
  'southern',
  'northern',
  'eastern',
  'early',
]);

/** A speech cue at token i: its base form and the index after it. "according to" counts. */
export function cueAt(tokens: readonly Token[], i: number): { base: string; next: number } | null {
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
  // "Mr. Hedge said": a capitalised cue after a period that ends no sentence (a title's) is a surname.
  if (isCapitalised(t.text) && tokens[i - 1]?.text === '.' && NEVER_END.has(low(tokens[i - 2]))) return null;
  if (NOUN_AFTER_CUE.get(l)?.has(low(tokens[i + 1]))) return null;
  // "in 30 states", "those states that", "battleground states": counted or qualified, "states" is the noun.
  if (base === 'state' && (/^\d/.test(prev) || STATE_MODIFIERS.has(prev))) return null;
  return { base, next: i + 1 };
}

export interface Np {
  from: number;
  to: number;
  roleFrom: number;
  roleTo: number;
}

/** Adverbs that can precede a subject without being part of it ("Now Bloomberg says"). */
export const NP_LEADING_ADVERBS = new Set([
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

export const POSSESSIVE_DETERMINERS = new Set(['its', 'their', 'his', 'her', 'our', 'your', 'my']);

/** Participles that modify a speaker ("retired Gen. John Kelly", "embattled governor"). */
export const PARTICIPLE_MODIFIERS = new Set([
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
export const NOT_NP_START = new Set([
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
export function npSane(tokens: readonly Token[], np: Np): boolean {
  const first = tokens[np.from];
  if (!first) return false;
  const l = first.lower;
  if (
    NOT_NP_START.has(l) &&
    !(l === 'at' && low(tokens[np.from + 1]) === 'least') &&
    !(l === 'just' && isQuantity(low(tokens[np.from + 1])))
  )
    return false;
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

/** Words that make a noun phrase a share of people ("28 percent of voters", "a majority"). */
const SHARE_WORDS = new Set(['percent', '%', 'majority', 'plurality', 'half', 'third', 'thirds', 'quarter']);
const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'dozen']);

/** A number in digits or words ("28", "four"), or a share word. */
export function isQuantity(l: string): boolean {
  const c = l.charCodeAt(0);
  return (c >= 48 && c <= 57) || NUMBER_WORDS.has(l) || SHARE_WORDS.has(l);
}

export function npLooksLikeSpeaker(tokens: readonly Token[], np: Np, entityStarts: ReadonlySet<number>): boolean {
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
  // "Just 28 percent of voters said", "About four in 10 said": a share of respondents.
  for (let k = np.from; k < np.to; k++) if (SHARE_WORDS.has(low(tokens[k]))) return true;
  const last = low(tokens[np.to - 1]);
  if (isQuantity(last) && np.to - np.from >= 3 && ['in', 'of', 'out'].includes(low(tokens[np.to - 2]))) return true;
  if (['who', 'which', 'one', 'others', 'some', 'many', 'both', 'percent', 'half', 'third', 'majority'].includes(last))
    return true;
  // "The actress said", "some advocates for stem cell research said": a short determiner phrase.
  const first = low(tokens[np.from]);
  return n <= 6 && DETERMINERS.has(first) && /^\p{Ll}+$/u.test(last) && !FUNCTION_WORDS.has(last);
}

/** The subject noun phrase ending right before token `v` (skipping "also", "has", ...). */
export function subjectBefore(tokens: readonly Token[], v: number, lo: number): Np | null {
  let k = v - 1;
  // "Clinton is describing ...": a progressive's auxiliary sits between subject and cue.
  const progressive = low(tokens[v]).endsWith('ing');
  while (k >= lo && (VERB_PREFIX.has(low(tokens[k])) || (progressive && BE_FORMS.has(low(tokens[k]))))) k--;
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
    // "Tom Reyes, speaking at the harbour, said": a participle opens an aside, not a role.
    const participleAside = opener.endsWith('ing') && !ROLE_PARTICIPLES.has(opener);
    if (!['who', 'which', 'whose', 'that'].includes(opener) && !/^\p{N}/u.test(opener) && !participleAside) {
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
    if (t.text === '.' && !isAbbreviation(tokens[from - 2]?.text ?? '')) break;
    if (
      BOUNDARY_WORDS.has(l) &&
      !(l === 'and' && isCapitalised(tokens[from - 2]?.text ?? '') && isCapitalised(tokens[from]?.text ?? '')) &&
      // "Politicians and even some technologists say": two plural nouns joined as one subject.
      !(l === 'and' && /s$/.test(low(tokens[from - 2])) && SOURCE_NOUNS.has(low(tokens[from - 2])) && from > lo + 1)
    )
      break;
    if (SPEECH_VERBS.has(l) && from < to) break;
    // "..., with three in 10 saying": an absolute phrase; its noun phrase starts after "with".
    if (l === 'with' && tokens[from - 2]?.text === ',') break;
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
export function subjectAfter(tokens: readonly Token[], v: number, hi: number): Np | null {
  let k = v;
  while (k < hi && (TIME_WORDS.has(low(tokens[k])) || (low(tokens[k]) === 'on' && TIME_WORDS.has(low(tokens[k + 1])))))
    k++;
  const from = k;
  while (k < hi && k - from < 10) {
    const t = tokens[k];
    if (!t) break;
    if (!isWord(t) && !(t.text === '.' && k > from && isAbbreviation(tokens[k - 1]?.text ?? ''))) break;
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

/** The subject at the start of a sentence: a pronoun, a name, or a description. */
export function sentenceSubject(tokens: readonly Token[], s0: number, v: number): Np | null {
  let k = s0;
  while (k < v && ['but', 'and', 'so', 'yet', 'then', 'still'].includes(low(tokens[k]))) k++;
  // "Meanwhile, it attacked ...": a sentence adverb and its comma come before the subject.
  if (tokens[k + 1]?.text === ',' && (LEAD_ADVERBS.has(low(tokens[k])) || /^\p{Ll}+ly$/u.test(low(tokens[k])))) k += 2;
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

export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been', 'be']);

/** Auxiliaries, copulas, modals and "not": the verb chain before a main verb. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'not',
]);

/** Words that show a sentence's opening is a clause, not a subject noun phrase. */
const CLAUSE_WORDS = new Set([
  ...AUXILIARIES,
  "n't",
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'while',
  'if',
  'because',
  'although',
  'though',
  'as',
  'than',
  'it',
  'i',
  'we',
  'you',
  'he',
  'she',
  'they',
  'there',
  'to',
]);

/**
 * The whole opening of a sentence as the subject of the cue at v, when it reads as one noun phrase:
 * "Political observers in Virginia and around the country say ...", "RT and its defenders say ...",
 * "A lawyer for the news outlets, David Schulz, said ...". No verb, pronoun or clause word in it,
 * at most one apposition between commas, and a capital or a determiner at its start.
 */
export function sentenceOpeningSubject(tokens: readonly Token[], s0: number, v: number): Np | null {
  let k = s0;
  while (k < v && ['but', 'and', 'so', 'yet'].includes(low(tokens[k]))) k++;
  const n = v - k;
  if (n < 2 || n > 14) return null;
  let commas = 0;
  for (let m = k; m < v; m++) {
    const t = tokens[m];
    if (!t) return null;
    if (t.text === ',') {
      commas++;
      continue;
    }
    if (t.text === '(' || t.text === ')' || t.text === '-' || t.text === '&') continue;
    if (t.text === '.' && isAbbreviation(tokens[m - 1]?.text ?? '')) continue;
    if (!isWord(t) || CLAUSE_WORDS.has(t.lower) || cueAt(tokens, m)) return null;
    if (m > k && /(?:ed|ing)$/.test(t.lower) && !isCapitalised(t.text)) return null;
  }
  // Either no comma, or one apposition closed right before the cue: "A lawyer for X, David Schulz, said".
  if (commas !== 0 && !(commas === 2 && tokens[v - 1]?.text === ',')) return null;
  const first = tokens[k];
  if (!first || !(isCapitalised(first.text) || DETERMINERS.has(first.lower))) return null;
  // "In one tweet", "He’s", "Despite ...": a lead-in or a contraction is not a subject.
  if (INTRO_WORDS.has(first.lower) || /['’](?:s|re|ve|d|ll|m)$/.test(first.lower)) return null;
  // "Federal and [state officials]": a subject does not end on a function word.
  const last = tokens[commas === 2 ? v - 2 : v - 1];
  if (!last || FUNCTION_WORDS.has(last.lower) || BOUNDARY_WORDS.has(last.lower)) return null;
  return { from: k, to: commas === 2 ? v - 1 : v, roleFrom: -1, roleTo: -1 };
}

/** A sentence-initial description up to its source noun ("Senior officials I spoke with ..."). */
export function initialDescription(tokens: readonly Token[], s0: number, v: number): Np | null {
  for (let k = s0; k < v && k < s0 + 6; k++) {
    const t = tokens[k];
    if (!isWord(t)) return null;
    if (SOURCE_NOUNS.has(low(t)) && !SOURCE_NOUNS.has(low(tokens[k + 1])))
      return { from: s0, to: k + 1, roleFrom: -1, roleTo: -1 };
  }
  return null;
}

export const TIME_WORDS = new Set([
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
export function skipAdverbials(tokens: readonly Token[], from: number, end: number): number {
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
export function isEmbeddedAttribution(tokens: readonly Token[], m: number): boolean {
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
  if (x0 !== ',' && x0 !== '—' && x0 !== '―' && x0 !== '–' && x0 !== '-') return false;
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
export function tailLooksAdverbial(tokens: readonly Token[], from: number, end: number, base: string): boolean {
  const first = tokens[from];
  if (!first || from >= end || /^[.!?;:,—–)]$/.test(first.text)) return true;
  const l = first.lower;
  if (TAIL_STARTS.has(l) || TIME_WORDS.has(l) || ADVERBIALS.has(l)) return true;
  if (ADDRESSEE_VERBS.has(base) || base === 'write' || base === 'tweet') return true;
  return false;
}

/** Token m joins a second cue to a clause: "and warned", "but argues", ", adding". */
export function isCoordinatedCue(tokens: readonly Token[], m: number): boolean {
  const l = low(tokens[m]);
  const next = cueAt(tokens, m + 1);
  if (!next || next.base === 'according to') return false;
  // A bare form ("and say") belongs to an embedded clause ("he would stand up and say").
  const bare = low(tokens[m + 1]) === next.base;
  if ((l === 'and' || l === 'but') && !WEAK_VERBS.has(next.base) && !bare) return true;
  return l === ',' && low(tokens[m + 1]).endsWith('ing');
}
