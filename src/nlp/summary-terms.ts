// Content words for the summarizer: tokens, a light stemmer and the function words that carry no topic.

/** Function words, reporting verbs and newsroom filler: they say nothing about what an article is about. */
const STOPWORDS = new Set(
  (
    'a about above after again against all almost also although always am among an and another any anyone anything are ' +
    'around as at back be became because become been before being below between both but by can cannot could did do ' +
    'does doing done down during each either else even ever every few for from further get gets getting got had has ' +
    'have having he her here hers herself him himself his how however i if in into is it its itself just last later ' +
    'least less like made make makes making many may me might more most much must my myself near neither never new ' +
    'next no nor not now of off often on once one only or other others our ours ourselves out over own part per ' +
    'perhaps put rather really said same say saying says see seen she should since so some something still such than ' +
    'that the their theirs them themselves then there these they thing things this those though through thus to ' +
    'told too toward towards under until up upon us very via was way we well were what whatever when where whether ' +
    'which while who whom whose why will with within without would year years yet you your yours yourself mr mrs ms ' +
    'dr including according added asked called came come comes go goes going gone know known like likely look looked ' +
    'took take takes taken time times told tell want wanted week weeks day days today yesterday monday tuesday ' +
    'wednesday thursday friday saturday sunday month months two three four five first second think thought lot lots ' +
    'ago away already around believe believed people just told used use using went whole'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Lower-cased, possessive and plural stripped: "Arsenal's" and "arsenals" count as one term. */
export function stem(word: string): string {
  return stemLower(word.toLowerCase());
}

/** `stem` of a word that is already lower case (the summarizer's hot path: no regex, one pass). */
function stemLower(lower: string): string {
  let w = lower;
  if (w.length > 2 && w.charCodeAt(w.length - 1) === 115 /* s */) {
    const apostrophe = w.charCodeAt(w.length - 2);
    if (apostrophe === 39 || apostrophe === 0x2019) w = w.slice(0, -2);
  }
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  return w;
}

/** One token of a sentence: its stem, and whether the text capitalised it away from the sentence start. */
export interface Term {
  stem: string;
  capitalised: boolean;
}

/** Every word token of `text`, in order (stopwords included: callers need word counts). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The content terms of a sentence: no stopwords, no one-letter tokens. */
export function contentTerms(text: string): Term[] {
  return sentenceTerms(text).terms;
}

/**
 * A sentence's content terms and its word count, from one match of its words: the summarizer needs both
 * for every candidate, and matching the words is most of the cost.
 */
export function sentenceTerms(text: string): { terms: Term[]; words: number } {
  const terms: Term[] = [];
  const all = words(text);
  let first = true;
  for (const w of all) {
    const lower = w.toLowerCase();
    const isFirst = first;
    first = false;
    if (STOPWORDS.has(lower)) continue;
    const s = stemLower(lower);
    // A stem that is the word itself was looked up just above.
    if (s.length < 2 || (s !== lower && STOPWORDS.has(s))) continue;
    // Capitalised: the first character changes when lower-cased (cheaper than a Unicode regex per word).
    terms.push({ stem: s, capitalised: !isFirst && w.charCodeAt(0) !== lower.charCodeAt(0) });
  }
  return { terms, words: all.length };
}
