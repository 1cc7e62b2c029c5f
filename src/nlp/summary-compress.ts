// Sentence compression for summaries: whole syntactic units a summary line can do without are cut,
// and what is left is still a verbatim sequence of pieces of the source sentence.
//
// Every rule finds one kind of unit (a parenthetical, an age after a name, a relative clause between
// commas, a trailing participle clause, an attribution such as ", police said", a closing list of
// examples, ...) and proposes a cut; the caller decides which are worth making (the summarizer cuts
// only asides about little the article is about). A cut is refused when it
// would touch a quotation (quoted words stay exactly as said), hold a negation or a qualifier (hedges,
// conditions, attributions such as "according to"), or, in a sentence with a quote, a speech verb (the
// words saying who speaks stay with the quote). A sentence inside a quotation opened earlier in its
// paragraph, or speaking in the first person without quotation marks, is never cut (`compressible`).
// Only the spacing at a seam and the capital of a new first word change.
import { SPEECH_VERBS } from './speech-verbs.js';

/** The kinds of unit the compressor can cut; a summary can enable any subset. */
export const COMPRESSION_RULES = [
  'parenthetical',
  'dash-aside',
  'age',
  'residence',
  'appositive',
  'relative',
  'lead-adverbial',
  'tail',
  'dash-tail',
  'attribution',
  'examples',
] as const;

export type CompressionRule = (typeof COMPRESSION_RULES)[number];

/** One cut: `text.slice(start, end)` is dropped. */
export interface Cut {
  start: number;
  end: number;
  rule: CompressionRule;
}

/** Words that carry a negation: a cut holding one could flip what the sentence says. */
const NEGATION =
  /\b(?:not|no|never|nor|neither|none|nobody|nothing|nowhere|without|cannot|hardly|barely|scarcely|deny|denies|denied|refuse[ds]?)\b|n['\u2019]t\b/iu;
/** First- and second-person words outside quotation marks: the sentence is probably a quote whose marks are elsewhere. */
const PERSONAL = /\b(?:I|I['\u2019](?:m|ve|ll|d)|me|my|mine|we|we['\u2019](?:re|ve|ll|d)|us|our|ours|you|your)\b/u;

/** Auxiliaries and copulas: a clause that holds one is not a noun phrase. */
const AUXILIARIES = new Set(
  'is are was were be been being am has have had having will would shall should can could may might must do does did'.split(
    ' ',
  ),
);

/** Common irregular past forms: with -ed and the auxiliaries, what a predicate after a subject usually starts with. */
const IRREGULAR_PAST = new Set(
  (
    'said told made took gave went came got saw found left led won lost paid kept held met ran began became fell felt ' +
    'built bought brought caught fought sought taught thought spent sent struck stood wrote spoke broke chose drove ' +
    'rose knew grew threw flew drew shot hit put set cut quit let hurt sold fled fed bled hid slid stole swore tore ' +
    'wore woke sat lay laid dealt meant heard read sang sank rang swam won withdrew overtook undertook'
  ).split(' '),
);

/** Adverbs that may open a predicate ("Smith, 32, also said ..."). */
const PREDICATE_ADVERBS = new Set(
  'also then later now still already previously recently once allegedly reportedly apparently initially first last often always never just'.split(
    ' ',
  ),
);

/** Words that may begin a clause's subject after a fronted adverbial. */
const NOT_SUBJECT_START = new Set(
  'like as which who whom whose and or but with including such than that while whereas when where if unless'.split(' '),
);

/** Conjunctions and conditionals: what follows them is not an aside (it may limit what the sentence claims). */
const CONJUNCTIONS = new Set(
  'and or but nor yet so because if unless although though while whereas only except until provided once since when as'.split(
    ' ',
  ),
);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);

/** Time words that make a fronted phrase a time adverbial ("On Tuesday,", "Last week,", "In 2012,"). */
const TIME_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december morning afternoon evening night nights week weeks weekend month months year ' +
    'years day days today yesterday tonight hour hours minute minutes season spring summer autumn fall winter decade ' +
    'decades century then that time past recently moment'
  ).split(' '),
);

/** Prepositions that open a fronted time or place adverbial. */
const LEAD_PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'during',
  'since',
  'after',
  'before',
  'over',
  'until',
  'by',
  'from',
]);
/** Words that open a fronted time phrase without a preposition ("Last week,", "Earlier this year,"). */
const LEAD_TIME_OPENERS = new Set(['last', 'this', 'next', 'earlier', 'later', 'early', 'late']);
/** One-word sentence adverbs that add no fact ("Meanwhile,", "Yesterday,"). */
const LEAD_SINGLE = new Set([
  'yesterday',
  'today',
  'tonight',
  'earlier',
  'later',
  'recently',
  'previously',
  'meanwhile',
  'now',
  'then',
  'currently',
  'however',
  'indeed',
]);
/** Fronted phrases that hedge or limit what follows: never cut ("In theory,", "At least,", "In some cases,"). */
const HEDGES =
  /^(?:in (?:theory|practice|principle|general|part|some|many|most|certain|other|any|each|every|either|both|his|her|their|its|our|my|your|the (?:view|opinion|eyes|words)|turn|return|exchange)|at (?:least|most|best|worst|first|times|one point)|on (?:average|paper|balance|the other hand|one hand|condition|behalf)|by (?:law|contrast|comparison))\b/iu;

/** The quotation state after one mark, read with the characters either side of it. */
function stepQuote(ch: string, before: string, after: string, open: boolean): boolean {
  if (ch === '\u201c') return true;
  if (ch === '\u201d') return false;
  const wordBefore = /[\p{L}\p{N}.,!?;:\u2026)\]]/u.test(before);
  const wordAfter = /[\p{L}\p{N}([\u2026]/u.test(after);
  if (ch === '"') return wordBefore && !wordAfter ? false : !wordBefore && wordAfter ? true : !open;
  // An apostrophe inside a word (don't, O'Neil) is not a quotation mark.
  if (/[\p{L}\p{N}]/u.test(before) && /\p{L}/u.test(after)) return open;
  if (!wordBefore && wordAfter) return true;
  if (wordBefore && !wordAfter && open) return false;
  return open;
}

const MARKS = /["'\u2018\u2019\u201c\u201d]/gu;

/**
 * Which characters of `text` are inside a quotation (marks included), given whether one was open at its
 * start, and whether one is still open at its end. An unclear mark leaves the state as it was; a closing
 * mark with no opening one before it ("... he added,' she said") makes everything before it quoted.
 * Only the marks are visited: text without any costs one scan.
 */
export function quotation(text: string, openAtStart: boolean): { quoted: boolean[]; openAtEnd: boolean } {
  const quoted = new Array<boolean>(text.length).fill(openAtStart);
  let open = openAtStart;
  let sawOpen = openAtStart;
  let from = 0;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    quoted.fill(open, from, i);
    const ch = text.charAt(i);
    const before = i > 0 ? text.charAt(i - 1) : ' ';
    const after = i + 1 < text.length ? text.charAt(i + 1) : ' ';
    const next = stepQuote(ch, before, after, open);
    const closesUnopened =
      !open &&
      !sawOpen &&
      (ch === '\u201d' || ch === "'" || ch === '\u2019') &&
      /[.,!?\u2026]/u.test(before) &&
      /\s/u.test(after);
    if (closesUnopened) quoted.fill(true, 0, i);
    if (next && !open) sawOpen = true;
    const apostrophe = /[\p{L}\p{N}]/u.test(before) && /\p{L}/u.test(after);
    quoted[i] = open || next || closesUnopened || !apostrophe;
    open = next;
    from = i + 1;
  }
  quoted.fill(open, from);
  return { quoted, openAtEnd: open };
}

/**
 * `quotation(text, openAtStart).openAtEnd` without marking every character: the summary units only
 * carry the state from one unit to the next, and an array per unit was a tenth of their cost.
 */
export function quoteOpenAtEnd(text: string, openAtStart: boolean): boolean {
  let open = openAtStart;
  for (const m of text.matchAll(MARKS)) {
    const i = m.index;
    const before = i > 0 ? text.charAt(i - 1) : ' ';
    const after = i + 1 < text.length ? text.charAt(i + 1) : ' ';
    open = stepQuote(text.charAt(i), before, after, open);
  }
  return open;
}

/** Whether a sentence may be compressed at all: not inside a quotation, not first-person speech without marks. */
export function compressible(text: string, quoteOpenAtStart: boolean): boolean {
  return !quoteOpenAtStart && !unquotedFirstPerson(text, quotation(text, false).quoted);
}

/**
 * Whether the text outside quotation marks speaks in the first person. The narration (the text with
 * quoted characters blanked) is built a run of characters at a time: a string grown one character at a
 * time is a long chain that the pattern must flatten first, which cost more than the rest of the test.
 */
function unquotedFirstPerson(text: string, quoted: readonly boolean[]): boolean {
  const parts: string[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && quoted[i] === quoted[from]) continue;
    parts.push(quoted[from] ? ' '.repeat(i - from) : text.slice(from, i));
    from = i;
  }
  return PERSONAL.test(parts.join(''));
}

/**
 * Words whose loss would change what the rest of the sentence claims: hedges ("allegedly"), disputes and
 * reversals ("which was later overturned"), conditions ("assuming he is fit"). A cut holding one is refused.
 */
const QUALIFIERS =
  /\b(?:alleg|reported|apparent|possib|probab|perhaps|maybe|suspect|unconfirm|unverif|rumou?r|estimat|disput|contest|reject|dismiss|challeng|refut|retract|overturn|revers|withdr|cancel|suspend|appeal|false|untrue|wrong|claim|assum|provid|depend|condition|unless|except|exclud|pending|barring|subject to|only|if\b|according)/iu;

/** A comma-separated piece of a sentence: `start`-`end` in the sentence, the comma (if any) after it at `end`. */
interface Piece {
  start: number;
  end: number;
  text: string;
  words: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019.-][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Splits at ", " outside parentheses and quotations; a final piece keeps the sentence's end punctuation. */
function commaPieces(text: string, quoted: readonly boolean[]): Piece[] {
  const pieces: Piece[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ',' && depth === 0 && !quoted[i] && /\s/u.test(text.charAt(i + 1))) {
      pieces.push(piece(text, from, i));
      from = i + 1;
      while (from < text.length && /\s/u.test(text.charAt(from))) from++;
    }
  }
  pieces.push(piece(text, from, text.length));
  return pieces;
}

function piece(text: string, start: number, end: number): Piece {
  const t = text.slice(start, end);
  return { start, end, text: t, words: wordsOf(t) };
}

/** The end of a piece without the sentence's end punctuation and closing brackets. */
function bodyEnd(text: string, p: Piece): number {
  let end = p.end;
  while (end > p.start && /[\s.!?\u2026;:)\]]/u.test(text.charAt(end - 1))) end--;
  return end;
}

const lower = (w: string | undefined): string => (w ?? '').toLowerCase();
const isLowerWord = (w: string | undefined): boolean => w !== undefined && /^\p{Ll}/u.test(w);
const isCapitalWord = (w: string | undefined): boolean => w !== undefined && /^\p{Lu}/u.test(w);

/** Whether a word looks like the start of a predicate: an auxiliary, a past or present verb form, an adverb. */
function predicateWord(w: string | undefined): boolean {
  if (!isLowerWord(w)) return false;
  const l = lower(w);
  if (AUXILIARIES.has(l) || IRREGULAR_PAST.has(l) || PREDICATE_ADVERBS.has(l) || SPEECH_VERBS.has(l)) return true;
  if (DETERMINERS.has(l) || CONJUNCTIONS.has(l) || NOT_SUBJECT_START.has(l) || LEAD_PREPOSITIONS.has(l)) return false;
  return /(?:[^e]ed|[^s]s)$/u.test(l) && l.length > 3;
}

/**
 * Whether a piece is a plain noun phrase, the subject an aside hangs on: no verb, no preposition up
 * front. An apposition needs a name for a head ("Maria Lind, the harbour master,").
 */
function nounPhrase(p: Piece, name: boolean): boolean {
  if (p.words.length === 0 || p.words.length > 8) return false;
  if (name && !isCapitalWord(p.words[p.words.length - 1])) return false;
  const first = lower(p.words[0]);
  if (LEAD_PREPOSITIONS.has(first) || CONJUNCTIONS.has(first) || LEAD_SINGLE.has(first) || TIME_WORDS.has(first))
    return false;
  // A verb form before the last word ("The inquiry follows Ola Fenn") makes the piece a clause; a plural
  // or participle at the end is the noun phrase's head or modifier ("The fans", "The man wanted").
  const last = p.words.length - 1;
  return p.words.every((w, i) => {
    const l = lower(w);
    if (AUXILIARIES.has(l) || IRREGULAR_PAST.has(l) || (isLowerWord(w) && SPEECH_VERBS.has(l))) return false;
    return i === last || !isLowerWord(w) || !/(?:[^e]ed|[^su]s)$/u.test(l);
  });
}

type AsideKind = 'age' | 'residence' | 'appositive' | 'relative' | 'place';

/** What kind of aside a piece is (its text without end punctuation), or null. */
function asideKind(t: string, words: readonly string[]): AsideKind | null {
  if (/^(?:aged\s+)?\d{1,3}$/u.test(t)) return 'age';
  if (/^(?:from|of)\s+(?:the\s+)?\p{Lu}[\p{L}'\u2019.-]*(?:\s+\p{Lu}[\p{L}'\u2019.-]*){0,3}$/u.test(t))
    return 'residence';
  if (/^(?:who|whom|whose|which)\b/u.test(t)) return 'relative';
  if (/^\p{Lu}[\p{L}.'\u2019-]*(?:\s+\p{Lu}[\p{L}.'\u2019-]*){0,3}$/u.test(t)) return 'place';
  const first = lower(words[0]);
  const opensNp = DETERMINERS.has(first) || /^\p{Lu}[\p{L}-]*['\u2019]s$/u.test(words[0] ?? '');
  if (opensNp && words.length >= 2 && words.length <= 12 && words.slice(1).some(isLowerWord)) {
    const verb = words.some((w) => {
      const l = lower(w);
      return AUXILIARIES.has(l) || IRREGULAR_PAST.has(l) || SPEECH_VERBS.has(l) || CONJUNCTIONS.has(l);
    });
    if (!verb) return 'appositive';
  }
  return null;
}

const RULE_OF: Record<AsideKind, CompressionRule> = {
  age: 'age',
  residence: 'residence',
  place: 'residence',
  appositive: 'appositive',
  relative: 'relative',
};

/**
 * A cut is safe when it holds no quoted character, no negation or qualifier, and, in a sentence with a
 * quotation, no speech verb (the words that say who is speaking stay with the quote).
 */
function safe(text: string, quoted: readonly boolean[], start: number, end: number, hasQuote: boolean): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (quoted[i]) return false;
  const cut = text.slice(start, end);
  if (NEGATION.test(cut) || QUALIFIERS.test(cut)) return false;
  if (hasQuote && wordsOf(cut).some((w) => SPEECH_VERBS.has(w.toLowerCase()))) return false;
  return true;
}

/** Prepositions that may follow a sentence-final relative clause and go with it. */
const TRAILING_PREPOSITIONS = new Set(
  'in on at to for from with by during after before since until over under about near including into across'.split(' '),
);

/**
 * Whether a piece after a sentence-final relative clause is a phrase that goes with it. A participle
 * does not: it may be what the main verb is about ("follows X, who ..., being questioned by police").
 */
function trailingPhrase(w: string | undefined): boolean {
  return TRAILING_PREPOSITIONS.has(lower(w));
}

/** Words that open a clause a sentence can end without: time, manner, circumstance, a list of examples. */
const TAIL_OPENERS = new Set([
  'after',
  'as',
  'with',
  'while',
  'despite',
  'following',
  'before',
  'amid',
  'including',
  'during',
  'where',
]);
const SPACED_DASH = /\s(?:--?|\u2013|\u2014)\s/u;
/**
 * Words in -ing that never open a tail a sentence can lose: nouns, and participles that attribute
 * ("according to police") or limit ("assuming", "excluding", "compared with") what the sentence says.
 */
const NOT_TAIL_PARTICIPLE = new Set([
  'nothing',
  'something',
  'everything',
  'anything',
  'thing',
  'king',
  'spring',
  'evening',
  'morning',
  'according',
  'assuming',
  'providing',
  'depending',
  'excluding',
  'barring',
  'pending',
  'compared',
  'considering',
  'notwithstanding',
]);

function tailOpener(w: string | undefined): boolean {
  const l = lower(w);
  if (!isLowerWord(w)) return false;
  return TAIL_OPENERS.has(l) || (/^\p{L}{3,}ing$/u.test(l) && !NOT_TAIL_PARTICIPLE.has(l));
}

/**
 * Verbs that report what a source said or found, in the forms that close a sentence ("..., police said.").
 * Verbs that doubt or dispute what they report ("claimed", "alleged", "denied") are not here: QUALIFIERS and
 * NEGATION keep them, because without them the report would read as established fact.
 */
const REPORT_VERBS = new Set(
  'said says told tells reported reports added adds announced announces confirmed confirms wrote writes stated states explained explains noted notes'.split(
    ' ',
  ),
);
/** Words that may open what follows a report verb in an attribution: where, when or how it was said. */
const REPORT_AFTER = new Set(['in', 'on', 'at', 'to', 'last', 'this', 'earlier', 'late', 'during', 'after', 'via']);

/** Whether words can name a source ("police", "his attorney", "yesterday's report"): no verb, no clause word. */
function sourcePhrase(words: readonly string[]): boolean {
  if (words.length === 0 || LEAD_PREPOSITIONS.has(lower(words[0]))) return false;
  const last = words.length - 1;
  return words.every((w, i) => {
    const l = lower(w);
    if (AUXILIARIES.has(l) || IRREGULAR_PAST.has(l) || CONJUNCTIONS.has(l) || NOT_SUBJECT_START.has(l)) return false;
    if (!isLowerWord(w) || DETERMINERS.has(l) || /['\u2019]s$/u.test(l)) return true;
    // A verb form before the last word makes it a clause ("she wants the dogs put down"); the last word is
    // the head noun, whatever else it could be ("the report", "officials").
    return i === last || (!SPEECH_VERBS.has(l) && !/(?:[^e]ed|[^su]s)$/u.test(l));
  });
}

/**
 * Whether a comma piece is nothing but an attribution: a short source and a report verb ("police said",
 * "the agency reported on Tuesday", "Smith told CNN", "said a spokesman"). Anything after the verb must be
 * its object (after "told") or a phrase saying where or when: a clause there ("said that ...") is content.
 */
function attributionPiece(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 10) return false;
  const v = words.findIndex((w) => isLowerWord(w) && REPORT_VERBS.has(w));
  if (v < 0) return false;
  const source = v === 0 ? words.slice(1, 7) : words.slice(0, v);
  if (source.length === 0 || source.length > 6) return false;
  // "police have said": an auxiliary may stand right before the verb; the rest is a noun phrase naming the
  // source, never a clause ("..., said she wants the dogs put down" reports what she said).
  const head =
    v > 0 && ['has', 'have', 'had'].includes(lower(source[source.length - 1])) ? source.slice(0, -1) : source;
  if (!sourcePhrase(head)) return false;
  if (v === 0) return source.length === words.length - 1;
  let rest = words.slice(v + 1);
  if (words[v] === 'told' || words[v] === 'tells') {
    // "told the Tarnby Post (on Monday)": the object, up to the phrase saying when.
    const at = rest.findIndex((w) => REPORT_AFTER.has(lower(w)));
    const object = at < 0 ? rest.length : at;
    if (object === 0 || object > 5) return false;
    rest = rest.slice(object);
  }
  if (rest.length > 7) return false;
  return rest.length === 0 || (REPORT_AFTER.has(lower(rest[0])) && !rest.some((w) => lower(w) === 'that'));
}

/** Whether a fronted first piece is a time or place adverbial or a sentence adverb that can go. */
function leadAdverbial(p: Piece, next: Piece | undefined): boolean {
  if (!next || p.words.length === 0 || p.words.length > 6) return false;
  if (HEDGES.test(p.text)) return false;
  const first = lower(p.words[0]);
  const rest = p.words.slice(1);
  let ok = false;
  if (p.words.length === 1) ok = LEAD_SINGLE.has(first);
  else if (first === 'in' && lower(p.words[1]) === 'fact' && p.words.length === 2) ok = true;
  else if (LEAD_PREPOSITIONS.has(first))
    ok =
      rest.some((w) => TIME_WORDS.has(lower(w)) || /^\d/u.test(w)) ||
      (['in', 'at'].includes(first) &&
        rest.every((w) => isCapitalWord(w) || lower(w) === 'the') &&
        !/['\u2019]s\b/u.test(p.text));
  else if (LEAD_TIME_OPENERS.has(first))
    ok = rest.length > 0 && rest.every((w) => TIME_WORDS.has(lower(w)) || LEAD_TIME_OPENERS.has(lower(w)));
  if (!ok) return false;
  const after = lower(next.words[0]);
  return next.words.length > 0 && !NOT_SUBJECT_START.has(after) && !AUXILIARIES.has(after) && !CONJUNCTIONS.has(after);
}

/**
 * The cuts the enabled rules find in one sentence. `quoteOpenAtStart` says a quotation opened in an
 * earlier sentence of the paragraph is still open: such a sentence is quoted speech and gets no cuts.
 */
export function compressionCuts(
  text: string,
  rules: ReadonlySet<CompressionRule>,
  quoteOpenAtStart = false,
  worthCutting: (cut: string, rule: CompressionRule) => boolean = () => true,
): Cut[] {
  if (rules.size === 0 || quoteOpenAtStart) return [];
  // As compressible(), with the quotation read once for both.
  const { quoted } = quotation(text, false);
  if (unquotedFirstPerson(text, quoted)) return [];
  const hasQuote = quoted.some(Boolean);
  const cuts: Cut[] = [];
  const add = (start: number, end: number, rule: CompressionRule): boolean => {
    if (!rules.has(rule) || !safe(text, quoted, start, end, hasQuote)) return false;
    if (!worthCutting(text.slice(start, end), rule)) return false;
    cuts.push({ start, end, rule });
    return true;
  };

  // Parentheticals: "the Harbour Trust (HT) approved" -> "the Harbour Trust approved".
  for (const m of text.matchAll(/(\s*)\(([^()]*)\)/gu)) {
    const at = m.index ?? 0;
    if (at > 0 && m[1] === '') continue; // "friend(s)": part of a word
    const end = at + m[0].length;
    add(at, at === 0 ? end + (text.slice(end).match(/^\s*/u)?.[0].length ?? 0) : end, 'parenthetical');
  }

  // Asides between spaced dashes: "the pier -- closed since winter -- will reopen" -> "the pier will reopen".
  const dashes = [...text.matchAll(/\s+(?:--?|\u2013|\u2014)\s+/gu)];
  for (let k = 0; k + 1 < dashes.length; k++) {
    const a = dashes[k];
    const b = dashes[k + 1];
    if (!a || !b) break;
    // A pair is two dashes of one kind: "- ... –" is two different asides, not one.
    if (a[0].trim() !== b[0].trim()) continue;
    k++;
    const innerStart = (a.index ?? 0) + a[0].length;
    const innerEnd = b.index ?? 0;
    const inner = wordsOf(text.slice(innerStart, innerEnd));
    if (inner.length === 0 || inner.length > 15 || CONJUNCTIONS.has(lower(inner[0]))) continue;
    // A relative clause between dashes tells something new about its head ("the division – which has seen
    // break-ins soar – posted ..."); a description or a list there restates what the sentence names.
    if (/^(?:\S+ of )?(?:who|whom|whose|which)\b/u.test(`${lower(inner[0])} ${lower(inner[1])} ${lower(inner[2])}`))
      continue;
    const after = text.slice(innerEnd + b[0].length);
    // Nothing after the pair, or another dash right after it, is a table row, not a sentence with an aside.
    if (!/[\p{L}\p{N}]/u.test(after) || /^(?:--?|\u2013|\u2014)(?:\s|$)/u.test(after)) continue;
    add(a.index ?? 0, innerEnd + b[0].trimEnd().length, 'dash-aside');
  }

  const pieces = commaPieces(text, quoted);

  // A sentence-final subordinate or participle clause: "..., after the club lost on Sunday." -> "...".
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k];
    const prev = pieces[k - 1];
    if (!p || !prev) continue;
    if (!tailOpener(p.words[0])) continue;
    const later = pieces.slice(k + 1);
    // A later piece that opens a new clause, or carries on the main one, means this is no tail.
    if (later.some((q) => CONJUNCTIONS.has(lower(q.words[0])) || predicateWord(q.words[0]))) break;
    const last = pieces[pieces.length - 1] ?? p;
    const kept = text.slice(0, prev.end);
    if (SPACED_DASH.test(text.slice(p.start))) break;
    if (wordsOf(kept).length < 6 || NEGATION.test(kept)) break;
    add(prev.end, bodyEnd(text, last), 'tail');
    break;
  }
  // An attribution at the end or between commas: "The bridge will reopen in May, officials said." ->
  // "The bridge will reopen in May." Only in a sentence with no quotation: there the attribution says
  // whose words the quote holds. A sentence that asks a question keeps its source.
  if (rules.has('attribution') && !hasQuote && !/\?\s*$/u.test(text)) {
    for (let k = 1; k < pieces.length; k++) {
      const p = pieces[k];
      const prev = pieces[k - 1];
      if (!p || !prev || !attributionPiece(p.words)) continue;
      if (wordsOf(text).length - p.words.length < 6) continue;
      const inverted = REPORT_VERBS.has(p.words[0] ?? '');
      const later = pieces.slice(k + 1);
      // "..., said Ana Velez, a spokeswoman for the port.": the source's description goes with it.
      const described =
        inverted &&
        later.every((q, n) => {
          const t = text.slice(q.start, n === later.length - 1 ? bodyEnd(text, q) : q.end);
          return asideKind(t, wordsOf(t)) === 'appositive';
        });
      const lastPiece = pieces[pieces.length - 1] ?? p;
      // A name or a description just before a closing attribution is its source run in without a comma
      // ("..., Dr Ana Velez, the zoo's director told Fox 8."): cut, the name would dangle.
      const prevText = text.slice(prev.start, prev.end);
      const dangles = k > 1 && !inverted && asideKind(prevText, prev.words) === 'place';
      if ((later.length === 0 || described) && !dangles) add(prev.end, bodyEnd(text, lastPiece), 'attribution');
      // Between commas only a source before its verb, between a subject and its predicate: "The pier,
      // officials said, will reopen." Before anything else ("..., police said, adding that ...") the
      // sentence would not read without it.
      else if (!inverted && predicateWord(later[0]?.words[0]) && !/ing$/u.test(later[0]?.words[0] ?? ''))
        add(prev.end, p.end + 1, 'attribution');
      break;
    }
  }
  // Examples that end the sentence: "... worked with stars such as Ana Velez and Ola Fenn." -> "... worked
  // with stars." The list only instances what the sentence already says. After a negation it is what the
  // negation is about ("did not visit ports including Tarnby"); a verb or a preposition in it means a clause
  // or a phrase of the main verb ("beat teams such as Tarnby in the cup") runs on after the list.
  if (rules.has('examples')) {
    const m = /(?:,\s+|\s+)(?:such as|including)\s+(?=\S)/u.exec(text);
    const list = m ? wordsOf(text.slice(m.index + m[0].length)) : [];
    const kept = m ? text.slice(0, m.index) : '';
    if (
      m &&
      list.length > 0 &&
      list.length <= 25 &&
      list.every((w) => {
        const l = lower(w);
        if (l === 'and' || l === 'or') return true;
        return (
          !AUXILIARIES.has(l) &&
          !IRREGULAR_PAST.has(l) &&
          !CONJUNCTIONS.has(l) &&
          !NOT_SUBJECT_START.has(l) &&
          !LEAD_PREPOSITIONS.has(l) &&
          l !== 'to'
        );
      }) &&
      !SPACED_DASH.test(text.slice(m.index)) &&
      // The list must follow its head noun: after a dash or a colon it is a clause of its own.
      /[\p{L}\p{N})'\u2019"\u201d]$/u.test(kept) &&
      wordsOf(kept).length >= 6 &&
      !NEGATION.test(kept)
    )
      add(m.index, bodyEnd(text, { start: m.index, end: text.length, text: '', words: [] }), 'examples');
  }
  const dashTail = /\s+(--?|\u2013|\u2014)\s+([^-\u2013\u2014]+)$/u.exec(text);
  if (dashTail && rules.has('dash-tail') && dashes.length === 1) {
    const at = dashTail.index;
    const inner = wordsOf(dashTail[2] ?? '');
    const kept = text.slice(0, at);
    const end = bodyEnd(text, { start: at, end: text.length, text: '', words: [] });
    if (
      inner.length > 0 &&
      !CONJUNCTIONS.has(lower(inner[0])) &&
      wordsOf(kept).length >= 6 &&
      !NEGATION.test(kept) &&
      !cuts.some((c) => c.end > at)
    )
      add(at, end, 'dash-tail');
  }
  // A fronted time or place phrase: "On Tuesday, police said ..." -> "Police said ...". Cut or not,
  // the subject of the sentence is the piece after it.
  let subjectAt = 0;
  const p0 = pieces[0];
  const p1 = pieces[1];
  if (p0 && p1 && leadAdverbial(p0, p1)) {
    add(p0.start, p1.start, 'lead-adverbial');
    subjectAt = 1;
  }

  // Chains of asides after a head: "Jane Roe, 34, from Leeds, who ..., said" -> "Jane Roe said".
  for (let k = 1; k < pieces.length; k++) {
    const head = pieces[k - 1];
    const startPiece = pieces[k];
    if (!head || !startPiece) continue;
    const asides: { kind: AsideKind; from: number; to: number }[] = [];
    let j = k;
    for (; j < pieces.length; j++) {
      const p = pieces[j];
      if (!p) break;
      const last = j === pieces.length - 1;
      const t = text.slice(p.start, last ? bodyEnd(text, p) : p.end);
      const kind = asideKind(t, wordsOf(t));
      if (kind === null) break;
      const prev = asides[asides.length - 1];
      if (kind === 'place') {
        // A place name goes with the residence or relative clause before it ("from Leeds, England").
        if (!prev || prev.kind === 'appositive' || prev.kind === 'age') break;
        prev.to = j;
        continue;
      }
      asides.push({ kind, from: j, to: j });
    }
    if (asides.length === 0) continue;
    const appositive = asides.some((a) => a.kind === 'appositive');
    const subject = k - 1 === subjectAt && nounPhrase(head, appositive);
    const closer = pieces[j];
    // How the chain ends decides what may go: at the sentence's end, anything but an apposition (whose
    // head could be a fronted phrase); before the predicate of a subject, all of it and the comma that
    // closed it; elsewhere only a last relative clause, with the phrases after it up to the end.
    let closesAtPredicate = false;
    let swallowTo = -1;
    if (j === pieces.length) {
      if (appositive) break;
    } else if (subject && closer && predicateWord(closer.words[0])) {
      closesAtPredicate = true;
    } else {
      let m = j;
      while (m < pieces.length && trailingPhrase(pieces[m]?.words[0])) m++;
      if (appositive || asides[asides.length - 1]?.kind !== 'relative' || m !== pieces.length) {
        k = j;
        continue;
      }
      swallowTo = m - 1;
    }
    let all = true;
    for (const [n, a] of asides.entries()) {
      const from = pieces[a.from - 1];
      const lastPiece = n === asides.length - 1 && swallowTo >= 0 ? swallowTo : a.to;
      const to = pieces[lastPiece];
      if (!from || !to) {
        all = false;
        continue;
      }
      const end = lastPiece === pieces.length - 1 ? bodyEnd(text, to) : to.end;
      if (!add(from.end, end, RULE_OF[a.kind])) all = false;
    }
    if (all && closesAtPredicate) {
      const lastAside = asides[asides.length - 1];
      const comma = lastAside ? pieces[lastAside.to]?.end : undefined;
      if (comma !== undefined) cuts.push({ start: comma, end: comma + 1, rule: RULE_OF[lastAside?.kind ?? 'age'] });
    }
    k = j;
  }
  return cuts;
}

/**
 * Applies cuts: the pieces left, in order. Only the seams change: the spaces either side of a cut become
 * one, no space stays before punctuation, and the first letter is capitalised when a cut took the start.
 */
export function applyCuts(text: string, cuts: readonly Cut[]): string {
  if (cuts.length === 0) return text;
  const sorted = [...cuts].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const join = (piece: string) => {
    if (out === '') out = piece.trimStart();
    else if (/^[\s]*[,.;:!?\u2026]/u.test(piece)) out = out.trimEnd().replace(/,$/u, '') + piece.trimStart();
    else if (/\s$/u.test(out) || /^\s/u.test(piece)) out = `${out.trimEnd()} ${piece.trimStart()}`;
    else out += piece;
  };
  for (const c of sorted) {
    if (c.start > at) join(text.slice(at, c.start));
    at = Math.max(at, c.end);
  }
  if (at < text.length) join(text.slice(at));
  out = out.trimEnd();
  if ((sorted[0]?.start ?? 1) > 0) return out;
  return out.replace(/^(['"\u2018\u201c]?)(\p{Ll})/u, (_m, q: string, c: string) => `${q}${c.toUpperCase()}`);
}

/** The sentence with every cut the enabled rules find applied. */
export function compressSentence(
  text: string,
  rules: ReadonlySet<CompressionRule>,
  quoteOpenAtStart = false,
  worthCutting?: (cut: string, rule: CompressionRule) => boolean,
): string {
  return applyCuts(text, compressionCuts(text, rules, quoteOpenAtStart, worthCutting));
}
