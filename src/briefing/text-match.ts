// Word-level text matching for briefs and /whosaid: content words, light stemming, overlap scores.

const STOPWORDS = new Set(
  `a an the and or but if of to in on at by for with from as is are was were be been being it its this that these
  those he she they we i you him her them us me my our your his their there here what which who whom whose when where
  why how not no nor so than too very can will would should could may might must do does did done have has had having
  into onto over under about after before again also just only then once all any both each few more most other some
  such own same s t don now up down out off said says say`
    .split(/\s+/)
    .filter(Boolean),
);

/** A crude, fast English stem: enough to match "guys" with "guy" and "warned" with "warns". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  return w;
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The words of a query worth searching for: content words, not stemmed, stop words left out. */
export function searchWords(text: string): string[] {
  return [...new Set(words(text).map((w) => w.replace(/['’]s$/, '')))].filter((w) => !STOPWORDS.has(w) && w.length > 1);
}

/** Content words of a text, stemmed, without stop words. */
export function contentWords(text: string): string[] {
  return words(text)
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !STOPWORDS.has(w) && w.length > 1)
    .map(stem);
}

/** Jaccard similarity of two texts' content-word sets. */
export function similarity(a: string, b: string): number {
  return setSimilarity(new Set(contentWords(a)), new Set(contentWords(b)));
}

/** Jaccard similarity of two precomputed word sets. */
export function setSimilarity(sa: ReadonlySet<string>, sb: ReadonlySet<string>): number {
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const w of sa) if (sb.has(w)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/**
 * How well a remembered fragment matches a text, from 0 to 1: the share of the fragment's content
 * words found in the text, with a bonus when consecutive words also stand together in the text.
 */
export function fragmentScore(fragment: string, text: string): number {
  const f = contentWords(fragment);
  if (f.length === 0) {
    const plain = words(fragment).join(' ');
    return plain && words(text).join(' ').includes(plain) ? 1 : 0;
  }
  const t = contentWords(text);
  const tset = new Set(t);
  const found = f.filter((w) => tset.has(w)).length;
  const coverage = found / f.length;
  if (f.length < 2) return coverage;
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) bigrams.add(`${t[i]} ${t[i + 1]}`);
  let adjacent = 0;
  for (let i = 0; i + 1 < f.length; i++) if (bigrams.has(`${f[i]} ${f[i + 1]}`)) adjacent++;
  return 0.85 * coverage + 0.15 * (adjacent / (f.length - 1));
}

/** Levenshtein distance, bounded: returns max+1 as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
