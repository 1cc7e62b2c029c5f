// Entities: people, organisations and places named in an article, with their aliases and roles.
import { FEMALE_NAMES, type Gender, MALE_NAMES, SPEECH_VERBS } from './speech-verbs.js';
import { isCapitalised, isPossessive, stripPossessive, type Token, tokenize } from './tokens.js';
import type { TopicCatalog, TopicDefinition } from './topics.js';
import type { Entity, EntityKind, Paragraph, Sentence } from './types.js';

/** Titles before a name: they mark a person and become part of the role. */
const TITLES = new Set([
  'gen',
  'general',
  'president',
  'sen',
  'senator',
  'rep',
  'representative',
  'gov',
  'governor',
  'mr',
  'mrs',
  'ms',
  'dr',
  'secretary',
  'chairman',
  'chairwoman',
  'speaker',
  'judge',
  'justice',
  'lt',
  'col',
  'colonel',
  'maj',
  'adm',
  'admiral',
  'capt',
  'sgt',
  'minister',
  'prime',
  'vice',
  'ambassador',
  'mayor',
  'prof',
  'professor',
  'rev',
  'pope',
  'king',
  'queen',
  'prince',
  'princess',
  'chancellor',
  'director',
  'attorney',
  'sheriff',
  'leader',
  'former',
  'retired',
  'defense',
  'state',
  'deputy',
  'press',
  'then',
  'candidate',
  'nominee',
]);
/** Title words that end an office named by its body ("Majority Leader", "Press Secretary"). */
const OFFICE_TITLES = new Set([
  'leader',
  'secretary',
  'speaker',
  'chairman',
  'chairwoman',
  'director',
  'minister',
  'spokesman',
  'spokeswoman',
  'whip',
]);

/** Title words that on their own (not before a name) name an office, not a person. */
const STRONG_TITLES = new Set([
  'gen',
  'sen',
  'rep',
  'gov',
  'mr',
  'mrs',
  'ms',
  'dr',
  'lt',
  'col',
  'maj',
  'adm',
  'capt',
  'sgt',
  'prof',
  'rev',
  'president',
  'senator',
  'governor',
  'secretary',
  'general',
  'speaker',
  'judge',
  'justice',
  'ambassador',
  'mayor',
  'chancellor',
  'minister',
]);
const ORG_WORDS = new Set([
  'organization',
  'organisation',
  'party',
  'committee',
  'news',
  'times',
  'post',
  'journal',
  'press',
  'reuters',
  'fox',
  'house',
  'senate',
  'congress',
  'department',
  'ministry',
  'agency',
  'administration',
  'council',
  'association',
  'institute',
  'university',
  'college',
  'school',
  'foundation',
  'corporation',
  'company',
  'inc',
  'corp',
  'group',
  'union',
  'court',
  'bank',
  'fund',
  'commission',
  'campaign',
  'network',
  'staff',
  'chiefs',
  'office',
  'service',
  'bureau',
  'center',
  'centre',
  'alliance',
  'federation',
  'club',
  'society',
  'magazine',
  'tribune',
  'herald',
  'gazette',
  'daily',
  'examiner',
  'politico',
  'breitbart',
  'twitter',
  'facebook',
  'google',
  'pentagon',
  'kremlin',
  'army',
  'navy',
  'police',
  'hospital',
  'church',
  'review',
  'street',
  'media',
]);

/** Places: countries, US states, capitals and regions; demonyms map to their place. */
const PLACES = new Set(
  [
    'Afghanistan',
    'Albania',
    'Algeria',
    'Argentina',
    'Armenia',
    'Australia',
    'Austria',
    'Azerbaijan',
    'Bahrain',
    'Bangladesh',
    'Belarus',
    'Belgium',
    'Bolivia',
    'Bosnia',
    'Brazil',
    'Bulgaria',
    'Cambodia',
    'Canada',
    'Chile',
    'China',
    'Colombia',
    'Croatia',
    'Cuba',
    'Cyprus',
    'Czech Republic',
    'Denmark',
    'Ecuador',
    'Egypt',
    'Estonia',
    'Ethiopia',
    'Finland',
    'France',
    'Georgia',
    'Germany',
    'Greece',
    'Haiti',
    'Honduras',
    'Hungary',
    'Iceland',
    'India',
    'Indonesia',
    'Iran',
    'Iraq',
    'Ireland',
    'Israel',
    'Italy',
    'Japan',
    'Jordan',
    'Kazakhstan',
    'Kenya',
    'Kosovo',
    'Kuwait',
    'Latvia',
    'Lebanon',
    'Libya',
    'Lithuania',
    'Luxembourg',
    'Malaysia',
    'Mexico',
    'Moldova',
    'Mongolia',
    'Montenegro',
    'Morocco',
    'Netherlands',
    'New Zealand',
    'Nigeria',
    'North Korea',
    'South Korea',
    'Korea',
    'Norway',
    'Pakistan',
    'Palestine',
    'Panama',
    'Peru',
    'Philippines',
    'Poland',
    'Portugal',
    'Qatar',
    'Romania',
    'Russia',
    'Saudi Arabia',
    'Serbia',
    'Singapore',
    'Slovakia',
    'Slovenia',
    'Somalia',
    'South Africa',
    'Spain',
    'Sudan',
    'Sweden',
    'Switzerland',
    'Syria',
    'Taiwan',
    'Thailand',
    'Tunisia',
    'Turkey',
    'Ukraine',
    'United Kingdom',
    'Britain',
    'Great Britain',
    'England',
    'Scotland',
    'Wales',
    'United States',
    'America',
    'U.S.',
    'US',
    'USA',
    'U.S.A.',
    'UK',
    'U.K.',
    'Venezuela',
    'Vietnam',
    'Yemen',
    'Zimbabwe',
    'Europe',
    'Asia',
    'Africa',
    'Middle East',
    'Crimea',
    'Gaza',
    'West Bank',
    'Alabama',
    'Alaska',
    'Arizona',
    'Arkansas',
    'California',
    'Colorado',
    'Connecticut',
    'Delaware',
    'Florida',
    'Hawaii',
    'Idaho',
    'Illinois',
    'Indiana',
    'Iowa',
    'Kansas',
    'Kentucky',
    'Louisiana',
    'Maine',
    'Maryland',
    'Massachusetts',
    'Michigan',
    'Minnesota',
    'Mississippi',
    'Missouri',
    'Montana',
    'Nebraska',
    'Nevada',
    'New Hampshire',
    'New Jersey',
    'New Mexico',
    'New York',
    'North Carolina',
    'North Dakota',
    'Ohio',
    'Oklahoma',
    'Oregon',
    'Pennsylvania',
    'Rhode Island',
    'South Carolina',
    'South Dakota',
    'Tennessee',
    'Texas',
    'Utah',
    'Vermont',
    'Virginia',
    'Washington',
    'West Virginia',
    'Wisconsin',
    'Wyoming',
    'Brussels',
    'Lisbon',
    'Madrid',
    'London',
    'Paris',
    'Berlin',
    'Moscow',
    'Beijing',
    'Tokyo',
    'Kyiv',
    'Kiev',
    'Seoul',
    'Pyongyang',
    'Taipei',
    'Tehran',
    'Baghdad',
    'Damascus',
    'Jerusalem',
    'Ankara',
    'Rome',
    'Madrid',
    'Warsaw',
    'Ottawa',
    'Philadelphia',
    'Chicago',
    'Los Angeles',
    'Boston',
    'Houston',
    'Miami',
    'Cleveland',
    'Atlanta',
    'Denver',
    'Dallas',
    'Detroit',
    'Phoenix',
    'Seattle',
    'Brooklyn',
    'Manhattan',
  ].map((p) => p.toLowerCase()),
);
const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    american: 'United States',
    ukrainian: 'Ukraine',
    russian: 'Russia',
    chinese: 'China',
    japanese: 'Japan',
    korean: 'Korea',
    taiwanese: 'Taiwan',
    german: 'Germany',
    french: 'France',
    british: 'United Kingdom',
    european: 'Europe',
    mexican: 'Mexico',
    canadian: 'Canada',
    iranian: 'Iran',
    iraqi: 'Iraq',
    syrian: 'Syria',
    israeli: 'Israel',
    palestinian: 'Palestine',
    turkish: 'Turkey',
    polish: 'Poland',
    italian: 'Italy',
    spanish: 'Spain',
    indian: 'India',
    pakistani: 'Pakistan',
    afghan: 'Afghanistan',
    saudi: 'Saudi Arabia',
    egyptian: 'Egypt',
    cuban: 'Cuba',
    portuguese: 'Portugal',
    dutch: 'Netherlands',
    belgian: 'Belgium',
    swedish: 'Sweden',
    greek: 'Greece',
    brazilian: 'Brazil',
    australian: 'Australia',
    venezuelan: 'Venezuela',
  }),
);
/** Last words that make a name a place ("Atlantic City", "Orange County"). */
const PLACE_SUFFIXES = new Set([
  'city',
  'county',
  'beach',
  'island',
  'islands',
  'valley',
  'springs',
  'heights',
  'falls',
  'river',
  'lake',
  'bay',
  'hills',
  'park',
  'village',
  'town',
  'state',
]);
/** Capitalised words that start sentences or modify, not names. */
const NOT_NAMES = new Set(
  'the a an he she it they we i you his her its their our my your this that these those there here but and or so yet if as at in on of for to from by with when while after before since because although though however meanwhile despite during under over into about what which who whom whose where why how then now also still even just only both either neither each every all some many most few several no not one two three first last next new former senior top honestly well look yes according asked other another such much more less mr mrs ms monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today yesterday tomorrow read related watch photo image video click sign'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'for', 'de', 'von', 'van', 'al', 'bin', 'la', 'del', 'da']);
const MODIFIERS = new Set(['retired', 'former', 'late', 'acting', 'then', 'outgoing', 'incoming', 'deputy']);
const ORG_ACRONYMS = new Set([
  'CNN',
  'NATO',
  'FBI',
  'CIA',
  'NSA',
  'UN',
  'EU',
  'GOP',
  'DNC',
  'RNC',
  'ABC',
  'NBC',
  'CBS',
  'MSNBC',
  'NPR',
  'BBC',
  'AFP',
  'AP',
  'NYPD',
  'NRA',
  'WHO',
  'IMF',
]);
const ROLE_NOUNS = new Set([
  'head',
  'spokesman',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'adviser',
  'advisor',
  'chairman',
  'chairwoman',
  'chair',
  'secretary',
  'director',
  'manager',
  'strategist',
  'aide',
  'candidate',
  'nominee',
  'senator',
  'congressman',
  'congresswoman',
  'official',
  'ambassador',
  'minister',
  'leader',
  'analyst',
  'pollster',
  'founder',
  'president',
  'governor',
  'mayor',
  'executive',
  'lawyer',
  'attorney',
  'economist',
  'commentator',
  'host',
  'reporter',
  'correspondent',
  'columnist',
  'editor',
  'professor',
  'delegate',
  'chief',
]);

/** One occurrence of an entity in the body. */
export interface EntityMention {
  start: number;
  end: number;
  /** Index into the entity list. */
  entity: number;
}

/** Internal reading of the entities: mentions in order, and each entity's gender guess. */
export interface EntityReading {
  mentions: EntityMention[];
  genders: (Gender | null)[];
  /** Tokens of each sentence, in sentence order (shared with attribution to tokenize once). */
  tokens: Token[][];
  /** The paragraphs read, and the tokens of each (when its sentences hold all of its tokens, for every one). */
  paragraphs: readonly Paragraph[];
  byParagraph: Map<Paragraph, Token[]> | undefined;
}

/**
 * Tokens of each sentence and of each paragraph, read once per paragraph: a sentence's tokens are a slice
 * of its paragraph's when no token crosses the sentence's edges (then they are exactly the sentence's own
 * tokens), else the sentence is tokenized on its own. The paragraph's list is kept only when its sentences,
 * taken as attribution groups them (see paragraphTokens in quotes.ts), hold its tokens end to end; and
 * only when that holds for every paragraph.
 */
function tokenizeArticle(
  body: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
): { bySentence: Token[][]; byParagraph: Map<Paragraph, Token[]> | undefined } {
  const bySentence: (Token[] | undefined)[] = new Array(sentences.length).fill(undefined);
  const byParagraph = new Map<Paragraph, Token[]>();
  let complete = true;
  let si = 0;
  for (const p of paragraphs) {
    const own = tokenize(body, p.start, p.end);
    while (si < sentences.length && (sentences[si]?.start ?? 0) < p.start) si++;
    // `held`: the paragraph's tokens [0, held) are those of the sentences so far, in order.
    let held = 0;
    let tiled = true;
    while (si < sentences.length && (sentences[si]?.end ?? 0) <= p.end) {
      const s = sentences[si] as Sentence;
      let a = held;
      while (a < own.length && (own[a] as Token).start < s.start) a++;
      let b = a;
      while (b < own.length && (own[b] as Token).start < s.end) b++;
      const clean =
        (a === 0 || (own[a - 1] as Token).end <= s.start) && (b === a || (own[b - 1] as Token).end <= s.end);
      if (clean) {
        bySentence[si] = own.slice(a, b);
        if (a !== held) tiled = false;
        held = b;
      } else {
        bySentence[si] = tokenize(body, s.start, s.end);
        tiled = false;
      }
      si++;
    }
    if (tiled && held === own.length) byParagraph.set(p, own);
    else complete = false;
  }
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] as Sentence;
    if (bySentence[k] === undefined) bySentence[k] = tokenize(body, s.start, s.end);
  }
  return { bySentence: bySentence as Token[][], byParagraph: complete ? byParagraph : undefined };
}

/** Whether a mention is a possessive ("Trump's comments"): a possessor is not a speaker. */
export function mentionIsPossessive(body: string, m: { end: number }): boolean {
  const c = body[m.end] ?? '';
  return c === '’' || c === "'";
}

/**
 * The reading rides on the entity list itself, under a symbol key: not enumerable, so it is not part of
 * the list's value (JSON, equality), and it dies with the list. (A WeakMap keyed by the list did the
 * same, but V8's young-generation collector keeps WeakMap values alive: every article's tokens were
 * copied and promoted to the old generation, which made garbage collection a fifth of the reading time.)
 */
const READING = Symbol('entity reading');

interface WithReading {
  [READING]?: EntityReading;
}

/** The mentions and genders computed with these entities, if they came from extractEntities. */
export function entityReading(entities: readonly Entity[]): EntityReading | undefined {
  return (entities as WithReading)[READING];
}

interface Run {
  start: number;
  end: number;
  /** Name words without titles or connectors at the edges. */
  words: string[];
  /** Title words before the name ("retired Gen."). */
  title: string;
  possessive: boolean;
  sentenceStart: boolean;
  /** Token index after the run in its sentence. */
  next: number;
  /** Token index of the first title or name word. */
  head: number;
  tokens: Token[];
}

function lower(t: Token | undefined): string {
  return t ? t.lower : '';
}

/** /^[A-Z][A-Z.&]{1,6}$/ with two capitals at least ("UN", "U.S.", "AT&T"), without a regular expression. */
function isAcronym(w: string): boolean {
  if (w.length < 2 || w.length > 7) return false;
  let capitals = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) capitals++;
    else if (i === 0 || (c !== 46 && c !== 38)) return false;
  }
  return capitals >= 2;
}

/** Without periods ("Gen." -> "Gen"); the same string when it has none. */
function withoutDots(s: string): string {
  return s.includes('.') ? s.replace(/\./g, '') : s;
}

/** The name word of a token: its text without a possessive ending. */
function nameWord(x: Token): string {
  return x.text.includes("'") || x.text.includes('’') ? stripPossessive(x.text) : x.text;
}

// Scratch space of runsOf: the words of the run being read and where each stands in the sentence.
// Reused from run to run (runsOf does not call itself), so reading a run allocates nothing until it is kept.
const runWords: Token[] = [];
const runAt: number[] = [];
const NO_TOKEN: Token = { start: 0, end: 0, text: '', lower: '' };

function runsOf(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  const words = runWords;
  const at = runAt;
  let used = 0;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isCapitalised(t.text)) {
      i++;
      continue;
    }
    const from = i;
    // words[0, n) are the run's words; at[k] is where words[k] stands in `tokens`, kept as we go so
    // finding the head costs nothing.
    let n = 0;
    let possessive = false;
    let j = i;
    while (j < tokens.length) {
      const tok = tokens[j];
      if (!tok) break;
      if (isCapitalised(tok.text)) {
        if (n > 0 && NOT_NAMES.has(tok.lower)) break;
        words[n] = tok;
        at[n] = j;
        n++;
        j++;
        // "Gen." / "F." / "U.S." keep their period inside the run.
        const dot = tokens[j];
        if (dot?.text === '.' && dot.start === tok.end && (tok.text.length <= 4 || tok.text.includes('.'))) {
          const after = tokens[j + 1];
          if (after && isCapitalised(after.text) && TITLES.has(withoutDots(tok.lower))) j++;
          else if (after && isCapitalised(after.text) && tok.text.length === 1) j++;
          else if (tok.text.includes('.') && /^\p{L}(\.\p{L})+$/u.test(tok.text)) {
            words[n - 1] = { ...tok, end: dot.end, text: `${tok.text}.`, lower: `${tok.lower}.` };
            j++;
          }
        }
        if (isPossessive(tok.text)) {
          possessive = true;
          break;
        }
        continue;
      }
      const connects =
        CONNECTORS.has(tok.text) ||
        (tok.text === 'the' && tokens[j - 1]?.text === 'of') ||
        (tok.text === 'and' && ORG_WORDS.has(lower(tokens[j + 2])));
      if (connects && isCapitalised(tokens[j + 1]?.text ?? '') && n > 0) {
        words[n] = tok;
        at[n] = j;
        n++;
        j++;
        continue;
      }
      if (tok.text === '(' && n > 0) break;
      break;
    }
    if (n > used) used = n;
    // Leading sentence words ("The", "But") are not part of a name.
    let w = 0;
    while (w < n && NOT_NAMES.has(lower(words[w]))) w++;
    if (w === 0 && from === 0 && n > 1) {
      const l0 = lower(words[0]);
      if (l0.endsWith('ing') || l0.endsWith('ly') || SPEECH_VERBS.has(l0)) w = 1;
    }
    let titleEnd = w;
    while (titleEnd < n - 1 && TITLES.has(withoutDots(lower(words[titleEnd])))) titleEnd++;
    if (titleEnd === w) {
      // "Senate Majority Leader Tom Reyes", "Homeland Security Secretary Jeh Johnson": an office
      // named by its body ends in a title word, and the person's name follows it.
      for (let k = w + 1; k < Math.min(n - 1, w + 4); k++) {
        if (OFFICE_TITLES.has(lower(words[k])) && n - (k + 1) >= 2) {
          titleEnd = k + 1;
          break;
        }
      }
    }
    // The name is words[titleEnd, nameEnd): no connector at its end.
    let nameEnd = n;
    while (nameEnd > titleEnd && CONNECTORS.has(words[nameEnd - 1]?.text ?? '')) nameEnd--;
    const first = words[titleEnd];
    const last = words[nameEnd - 1];
    if (first && last && nameEnd > titleEnd) {
      const nameWords: string[] = [];
      for (let k = titleEnd; k < nameEnd; k++) nameWords.push(nameWord(words[k] as Token));
      let title = '';
      for (let k = w; k < titleEnd; k++) {
        const x = words[k] as Token;
        const word = x.text.length <= 4 && TITLES.has(x.lower) ? `${x.text}.` : x.text;
        title = k === w ? word : `${title} ${word}`;
      }
      runs.push({
        start: first.start,
        end: possessive ? last.end - (last.text.endsWith('s') ? 2 : 1) : last.end,
        words: nameWords,
        title,
        possessive,
        sentenceStart: from === 0 && w === 0 && titleEnd === 0,
        next: j + (possessive ? 1 : 0),
        head: w < n ? (at[w] as number) : titleEnd < n ? (at[titleEnd] as number) : -1,
        tokens,
      });
    }
    i = Math.max(j, i + 1);
  }
  // The scratch array keeps no tokens (nor the body their texts are cut from) alive. (A loop: `used` is a
  // few words, fewer than a call to Array.prototype.fill costs, once per sentence.)
  for (let k = 0; k < used; k++) words[k] = NO_TOKEN;
  return runs;
}

/**
 * The kind of a curated topic's entity: a catalog lists people ("Donald Trump") as well as
 * organisations and places, and a person must stay a person for pronouns to resolve to them.
 * Without a known first name, a capitalised pair ("White House") is an organisation.
 */
function catalogKind(canonical: string, title: string, nextWord: string): EntityKind {
  const words = canonical.split(/\s+/);
  const kind = classify(words, title, nextWord);
  const first = (words[0] ?? '').toLowerCase();
  if (kind === 'person' && !MALE_NAMES.has(first) && !FEMALE_NAMES.has(first)) return 'organization';
  return kind === 'other' ? 'organization' : kind;
}

function classify(
  words: string[],
  title: string,
  nextWord: string,
  name = words.join(' '),
  lowerName = name.toLowerCase(),
): EntityKind {
  if (PLACES.has(lowerName) || (lowerName.startsWith('the ') && PLACES.has(lowerName.slice(4)))) return 'place';
  if (words.length >= 2 && PLACE_SUFFIXES.has((words[words.length - 1] ?? '').toLowerCase())) return 'place';
  if (title && words.length >= 1 && [...title.toLowerCase().split(/[ .]+/)].some((t) => STRONG_TITLES.has(t))) {
    return 'person';
  }
  for (const w of words)
    if (ORG_ACRONYMS.has(w) || (!isAcronym(w) && ORG_WORDS.has(w.toLowerCase()))) return 'organization';
  if (words.length === 1 && isAcronym(words[0] ?? '')) return 'organization';
  const firstLower = (words[0] ?? '').toLowerCase();
  if (MALE_NAMES.has(firstLower) || FEMALE_NAMES.has(firstLower)) return words.length >= 2 ? 'person' : 'other';
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}[\p{Ll}'’-]/u.test(w) || /^\p{Lu}\.?$/u.test(w))
  ) {
    return 'person';
  }
  if (SPEECH_VERBS.has(nextWord)) return 'person';
  return 'other';
}

/** Words after "Name," that open a clause, not an apposition. */
const NOT_ROLE_OPENERS = new Set([
  'who',
  'which',
  'that',
  'and',
  'but',
  'said',
  'says',
  'told',
  'according',
  'in',
  'on',
  'at',
  'as',
]);
const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'then', 'former']);

/** Without one final "s" ("advisers" -> "adviser"): as w.replace(/s$/, ''). */
function withoutFinalS(w: string): string {
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

function roleAfter(body: string, run: Run): string | null {
  const toks = run.tokens;
  const comma = toks[run.next];
  if (comma?.text !== ',') return null;
  const first = toks[run.next + 1];
  if (!first) return null;
  const fl = first.lower;
  if (NOT_ROLE_OPENERS.has(fl)) return null;
  const roleLike =
    !isCapitalised(first.text) ||
    isPossessive(first.text) ||
    APPOSITION_OPENERS.has(fl) ||
    ROLE_NOUNS.has(lower(toks[run.next + 2]));
  if (!roleLike) return null;
  let k = run.next + 1;
  let hasRoleNoun = false;
  while (k < toks.length && k < run.next + 16) {
    const t = toks[k];
    if (!t || t.text === ',' || t.text === '.' || t.text === ';' || t.text === '(' || t.text === '—') break;
    if (ROLE_NOUNS.has(withoutFinalS(stripPossessive(t.text).toLowerCase()))) hasRoleNoun = true;
    if (SPEECH_VERBS.has(t.lower) && k > run.next + 1) return null;
    k++;
  }
  const end = toks[k];
  const last = toks[k - 1];
  if (!hasRoleNoun || !last || (end && end.text !== ',' && end.text !== '.')) return null;
  return body.slice(first.start, last.end);
}

function roleBefore(body: string, run: Run, tokenIndex: number): string | null {
  const toks = run.tokens;
  let k = tokenIndex - 1;
  const stop = Math.max(0, tokenIndex - 6);
  let hasRole = false;
  while (k >= stop) {
    const t = toks[k];
    if (!t || /^[^\p{L}]/u.test(t.text)) break;
    const l = t.lower;
    const nextIsRole = ROLE_NOUNS.has(lower(toks[k + 1])) && k + 1 < tokenIndex;
    if (ROLE_NOUNS.has(l)) hasRole = true;
    else if (!MODIFIERS.has(l) && !(isCapitalised(t.text) && !NOT_NAMES.has(l)) && !nextIsRole) break;
    k--;
  }
  const first = toks[k + 1];
  const last = toks[tokenIndex - 1];
  if (!first || !last || k + 1 >= tokenIndex) return null;
  if (!hasRole) {
    for (let x = k + 1; x < tokenIndex; x++) if (!MODIFIERS.has(lower(toks[x]))) return null;
  }
  return body.slice(first.start, last.end);
}

interface Draft {
  name: string;
  kind: EntityKind;
  aliases: Set<string>;
  role: string | null;
  mentions: number;
  gender: Gender | null;
  male: number;
  female: number;
}

const PLACE_CANON: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'u.s.': 'United States',
    us: 'United States',
    usa: 'United States',
    'u.s.a.': 'United States',
    america: 'United States',
    uk: 'United Kingdom',
    'u.k.': 'United Kingdom',
    britain: 'United Kingdom',
    'great britain': 'United Kingdom',
    kiev: 'Kyiv',
  }),
);

function initials(words: string[]): string {
  return words
    .filter((w) => isCapitalised(w))
    .map((w) => w[0] ?? '')
    .join('');
}

/** Names and aliases of a catalog, by lower-case name, and its topics by canonical name (the first one wins). */
interface CatalogLookup {
  index: Map<string, string>;
  byName: Map<string, TopicDefinition>;
}

const NO_CATALOG: CatalogLookup = { index: new Map(), byName: new Map() };
/** Each catalog's lookup, built once per catalog rather than once per article (as the topic matchers are). */
const catalogLookups = new WeakMap<TopicCatalog, CatalogLookup>();

function catalogLookup(catalog: TopicCatalog): CatalogLookup {
  if (catalog.length === 0) return NO_CATALOG;
  let lookup = catalogLookups.get(catalog);
  if (!lookup) {
    lookup = { index: new Map(), byName: new Map() };
    for (const topic of catalog) {
      for (const n of [topic.name, ...topic.aliases]) lookup.index.set(n.toLowerCase(), topic.name);
      if (!lookup.byName.has(topic.name)) lookup.byName.set(topic.name, topic);
    }
    catalogLookups.set(catalog, lookup);
  }
  return lookup;
}

/**
 * Finds people, organisations and places in capitalised runs, links surnames, acronyms and
 * catalog aliases to one entity, and reads roles from titles and appositions.
 */
export function extractEntities(
  body: string,
  paragraphs: readonly Paragraph[],
  sentences: readonly Sentence[],
  catalog: TopicCatalog,
): Entity[] {
  const drafts: Draft[] = [];
  const byName = new Map<string, number>();
  const bySurname = new Map<string, number>();
  const mentions: EntityMention[] = [];
  const { index: catalogIndex, byName: topicByName } = catalogLookup(catalog);
  const add = (name: string, kind: EntityKind): number => {
    const key = name.toLowerCase();
    const found = byName.get(key);
    if (found !== undefined) return found;
    drafts.push({ name, kind, aliases: new Set(), role: null, mentions: 0, gender: null, male: 0, female: 0 });
    const idx = drafts.length - 1;
    byName.set(key, idx);
    return idx;
  };
  let lastPerson = -1;
  const { bySentence: sentenceTokens, byParagraph } = tokenizeArticle(body, paragraphs, sentences);
  for (const tokens of sentenceTokens) {
    for (const run of runsOf(tokens)) {
      const nextTok = run.tokens[run.next];
      const nextWord = lower(nextTok);
      const name = run.words.join(' ');
      const lowerName = name.toLowerCase();
      if (run.sentenceStart && run.words.length === 1 && !isAcronym(name) && !SPEECH_VERBS.has(nextWord)) {
        // A single capitalised word opening a sentence is only a name if we know it already.
        const key = lowerName;
        if (!byName.has(key) && !bySurname.has(key) && !PLACES.has(key) && !DEMONYMS.has(key)) {
          continue;
        }
      }
      // "Cuban said" names a person, not Cuba.
      const demonym = run.words.length === 1 && !SPEECH_VERBS.has(nextWord) ? DEMONYMS.get(lowerName) : undefined;
      let idx: number;
      if (demonym) {
        idx = add(demonym, 'place');
        drafts[idx]?.aliases.add(name);
      } else if (PLACE_CANON.has(lowerName) || PLACES.has(lowerName)) {
        const canon = PLACE_CANON.get(lowerName) ?? name;
        idx = add(canon, 'place');
        if (canon !== name) drafts[idx]?.aliases.add(name);
      } else if (catalogIndex.has(lowerName)) {
        const canon = catalogIndex.get(lowerName) ?? name;
        idx = add(canon, catalogKind(canon, run.title, nextWord));
        if (canon !== name) drafts[idx]?.aliases.add(name);
      } else if (byName.has(lowerName)) {
        idx = byName.get(lowerName) ?? 0;
      } else if (run.words.length === 1 && bySurname.has(lowerName)) {
        idx = bySurname.get(lowerName) ?? 0;
        drafts[idx]?.aliases.add(name);
      } else {
        const kind = classify(run.words, run.title, nextWord, name, lowerName);
        if (kind === 'other' && run.words.length === 1 && !run.title) continue;
        if (run.words.length === 1 && kind === 'person' && lastPerson >= 0) {
          // no known full name: keep the single name
        }
        idx = add(name, kind);
        const d = drafts[idx];
        if (d && kind === 'person' && run.words.length >= 2) {
          const surname = (run.words[run.words.length - 1] ?? '').toLowerCase();
          if (!['jr', 'sr', 'ii', 'iii'].includes(surname)) bySurname.set(surname, idx);
        }
      }
      const d = drafts[idx];
      if (!d) continue;
      d.mentions++;
      mentions.push({ start: run.start, end: run.end, entity: idx });
      if (d.kind === 'person') {
        lastPerson = idx;
        const first = (run.words[0] ?? '').toLowerCase();
        const t = run.title.toLowerCase();
        // (Most mentions have no title: the patterns are not run on an empty one.)
        if ((t !== '' && /\b(mr|king|prince)\b/.test(t)) || (MALE_NAMES.has(first) && run.words.length >= 2))
          d.male += 2;
        if ((t !== '' && /\b(mrs|ms|queen|princess)\b/.test(t)) || (FEMALE_NAMES.has(first) && run.words.length >= 2))
          d.female += 2;
        if (!d.role) {
          const pre = roleBefore(body, run, run.head);
          const title = run.title.replace(/^(The|A)\s+/i, '');
          const lead = pre && title ? `${pre} ${title}` : (pre ?? null);
          d.role = roleAfter(body, run) ?? (lead || (title && !/^(mr|mrs|ms)\.?$/i.test(title) ? title : null));
          if (d.role && /^(mr|mrs|ms|dr)\.?$/i.test(d.role)) d.role = null;
        }
      } else if (!d.role && d.kind === 'organization') {
        d.role = null;
      }
    }
  }
  // Pronoun evidence for gender: "he"/"she" right after a person's mention, in the same or next sentence.
  const pronounRe = /\b(he|she|his|her|him)\b/gi;
  let mi = 0;
  for (const m of body.matchAll(pronounRe)) {
    while (mi + 1 < mentions.length && (mentions[mi + 1]?.start ?? Number.POSITIVE_INFINITY) < m.index) mi++;
    const mention = mentions[mi];
    if (!mention || mention.start > m.index || m.index - mention.end > 200) continue;
    const d = drafts[mention.entity];
    if (d === undefined) continue;
    if (d.kind !== 'person') continue;
    const p = m[0].toLowerCase();
    if (p === 'he' || p === 'his' || p === 'him') d.male++;
    else d.female++;
  }
  // Acronyms and their expansions are one entity.
  const acronyms = new Map<string, number>();
  drafts.forEach((d, i) => {
    if (isAcronym(d.name)) acronyms.set(d.name.replace(/[.&]/g, ''), i);
  });
  const mergedInto = new Map<number, number>();
  drafts.forEach((d, i) => {
    if (d.kind !== 'organization' || !d.name.includes(' ')) return;
    const acr = initials(d.name.split(' '));
    const a = acronyms.get(acr);
    if (a === undefined || a === i) return;
    const target = drafts[a];
    if (!target) return;
    // Keep the catalog name (or the acronym) as canonical; the expansion becomes an alias.
    target.aliases.add(d.name);
    for (const al of d.aliases) target.aliases.add(al);
    target.mentions += d.mentions;
    mergedInto.set(i, a);
  });
  const finalIndex: number[] = [];
  const entities: Entity[] = [];
  const genders: (Gender | null)[] = [];
  drafts.forEach((d, i) => {
    if (mergedInto.has(i)) return;
    finalIndex[i] = entities.length;
    const topic = topicByName.get(d.name);
    if (topic) for (const al of topic.aliases) d.aliases.add(al);
    d.aliases.delete(d.name);
    const gender: Gender | null =
      d.kind === 'person' ? (d.male > d.female ? 'male' : d.female > d.male ? 'female' : null) : null;
    entities.push({ name: d.name, kind: d.kind, aliases: [...d.aliases], role: d.role, mentions: d.mentions });
    genders.push(gender);
  });
  for (const [from, to] of mergedInto) finalIndex[from] = finalIndex[to] ?? 0;
  const finalMentions: EntityMention[] = mentions.map((m) => ({
    start: m.start,
    end: m.end,
    entity: finalIndex[m.entity] ?? 0,
  }));
  // Surname aliases for people named in full, when the article names them by the surname alone.
  const surnames = new Map<number, string>();
  entities.forEach((e, i) => {
    if (e.kind !== 'person') return;
    const parts = e.name.split(' ');
    const surname = parts[parts.length - 1];
    if (parts.length >= 2 && surname && surname.length < 30) surnames.set(i, surname);
  });
  const bySurnameAlone = new Set<number>();
  for (const m of finalMentions) {
    const surname = surnames.get(m.entity);
    if (surname !== undefined && m.end - m.start === surname.length && body.startsWith(surname, m.start)) {
      bySurnameAlone.add(m.entity);
    }
  }
  entities.forEach((e, i) => {
    const surname = surnames.get(i);
    if (surname !== undefined && bySurnameAlone.has(i) && !e.aliases.includes(surname)) e.aliases.push(surname);
  });
  const reading: EntityReading = { mentions: finalMentions, genders, tokens: sentenceTokens, paragraphs, byParagraph };
  Object.defineProperty(entities, READING, { value: reading });
  return entities;
}
