// Summaries: an extractive summarizer — a lead prior plus topic centrality, no boilerplate, no repeats.
import { contentTerms, stem, type Term, words } from './summary-terms.js';
import { type SummaryUnit, summaryUnits } from './summary-units.js';
import type { Entity, Paragraph, Sentence } from './types.js';

export interface SummaryInput {
  paragraphs: readonly Paragraph[];
  sentences: readonly Sentence[];
  entities: readonly Entity[];
}

export interface SummaryOptions {
  /** At most this many sentences. */
  sentences: number;
  /** Stop adding sentences once the summary has this many words (default 85; news highlights run 40-60). */
  maxWords?: number;
  /** Scoring weights; the defaults are what the dev evaluation chose. */
  weights?: Partial<SummaryWeights>;
}

/** The knobs of the scorer, exposed so the evaluation script can compare settings. */
export interface SummaryWeights {
  /** Share of the score that is the position prior (the rest is content). */
  prior: number;
  /** How fast the prior falls: prior(i) = 1 / (1 + i / decay). */
  decay: number;
  /** Extra weight of a term the article capitalises (names, places, organisations). */
  capitalised: number;
  /** Content-word overlap (share of the smaller sentence) above which two sentences repeat each other. */
  redundancy: number;
  /** Only units in the first `window` are candidates: the rest of a news story is detail. */
  window: number;
  /** Multiplier for a sentence that opens with a quotation or is mostly one. */
  quoted: number;
  /** Extra weight of a term that photo captions repeat: editors caption what matters. */
  captionTerms: number;
  /** Weight of overlap with the first sentence, the article's own summary of itself. */
  lead: number;
}

export const DEFAULT_WEIGHTS: SummaryWeights = {
  prior: 0.6,
  decay: 2,
  capitalised: 1,
  redundancy: 0.5,
  window: 25,
  quoted: 0.8,
  captionTerms: 0,
  lead: 0,
};

const PRONOUN_START =
  /^['"\u2018\u201c]?(?:he|she|they|it|his|her|their|its|him|them|this|these|those|that|such|both)\b(?![-'\u2019]s?\w)/i;
const CONNECTIVE_START =
  /^['"\u2018\u201c]?(?:but|and|or|so|yet|also|however|meanwhile|still|instead|then|moreover|furthermore|nevertheless|indeed|however)\b/i;
const QUOTE_CHARS = /['"\u2018\u2019\u201c\u201d]/g;

interface Candidate {
  unit: SummaryUnit;
  terms: Set<string>;
  words: number;
  score: number;
  /** Reads as a continuation: needs the sentence before it in the summary. */
  dependent: boolean;
}

/** How strongly the article is about each term: repeated terms, names more, entity names most. */
function termWeights(
  units: readonly { unit: SummaryUnit; terms: Term[] }[],
  entities: readonly Entity[],
  weights: SummaryWeights,
): Map<string, number> {
  const count = new Map<string, number>();
  const caps = new Map<string, number>();
  const inCaptions = new Set<string>();
  for (const { unit, terms } of units) {
    for (const t of terms) {
      if (unit.caption) inCaptions.add(t.stem);
      count.set(t.stem, (count.get(t.stem) ?? 0) + 1);
      if (t.capitalised) caps.set(t.stem, (caps.get(t.stem) ?? 0) + 1);
    }
  }
  const entityStems = new Set<string>();
  for (const e of entities) {
    for (const name of [e.name, ...e.aliases]) for (const w of words(name)) entityStems.add(stem(w));
  }
  const out = new Map<string, number>();
  for (const [s, n] of count) {
    if (n < 2) continue;
    const capShare = (caps.get(s) ?? 0) / n;
    const boost = 1 + weights.capitalised * (capShare > 0.5 || entityStems.has(s) ? 1 : 0);
    out.set(s, Math.log2(n) * boost * (inCaptions.has(s) ? 1 + weights.captionTerms : 1));
  }
  return out;
}

/** Whether the quotation marks cover most of the sentence: a quote reads poorly as a summary line. */
function mostlyQuoted(text: string): boolean {
  const marks = text.match(QUOTE_CHARS)?.length ?? 0;
  return marks >= 2 && /^['"\u2018\u201c]/.test(text);
}

function scoreCandidates(units: readonly SummaryUnit[], entities: readonly Entity[], w: SummaryWeights): Candidate[] {
  const withTerms = units.map((unit) => ({ unit, terms: contentTerms(unit.text) }));
  const tw = termWeights(withTerms, entities, w);
  const raw: Candidate[] = [];
  let rank = 0;
  for (const { unit, terms } of withTerms) {
    if (unit.caption) continue;
    const n = words(unit.text).length;
    const position = rank++;
    if (position >= w.window) break;
    if (n < 6 || n > 80) continue;
    const set = new Set(terms.map((t) => t.stem));
    let content = 0;
    for (const s of set) content += tw.get(s) ?? 0;
    content /= Math.sqrt(Math.max(set.size, 8));
    raw.push({
      unit,
      terms: set,
      words: n,
      score: content,
      dependent: position > 0 && (PRONOUN_START.test(unit.text) || CONNECTIVE_START.test(unit.text)),
    });
  }
  const lead = raw[0]?.terms ?? new Set<string>();
  for (const c of raw.slice(1)) c.score += w.lead * overlap(c.terms, lead) * Math.max(1e-9, ...raw.map((x) => x.score));
  const maxContent = Math.max(1e-9, ...raw.map((c) => c.score));
  let i = 0;
  for (const c of raw) {
    const prior = 1 / (1 + i++ / w.decay);
    let s = w.prior * prior + (1 - w.prior) * (c.score / maxContent);
    if (c.words < 10) s *= 0.7;
    if (c.words > 45) s *= 0.85;
    if (mostlyQuoted(c.unit.text)) s *= w.quoted;
    if (/\?['"\u2019\u201d]?$/.test(c.unit.text)) s *= 0.6;
    c.score = s;
  }
  return raw;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

/**
 * An extractive summary: whole sentences of the article in article order, at most `options.sentences`
 * of them and about `maxWords` words. Never throws; an article with no text gives [].
 */
export function summarize(input: SummaryInput, options: SummaryOptions): string[] {
  try {
    const w: SummaryWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const limit = Math.max(1, Math.floor(options.sentences) || 1);
    const maxWords = options.maxWords ?? 85;
    const units = summaryUnits(input.sentences);
    const candidates = scoreCandidates(units, input.entities, w);
    const chosen: Candidate[] = [];
    const chosenOrders = new Set<number>();
    let total = 0;
    const left = new Set(candidates);
    while (chosen.length < limit && left.size > 0) {
      let best: Candidate | null = null;
      for (const c of left) {
        if (c.dependent && !chosenOrders.has(c.unit.order - 1)) continue;
        if (best === null || c.score > best.score) best = c;
      }
      if (best === null) break;
      left.delete(best);
      if (chosen.some((c) => overlap(c.terms, best.terms) > w.redundancy)) continue;
      if (chosen.length > 0 && total + best.words > maxWords * 1.15) continue;
      chosen.push(best);
      chosenOrders.add(best.unit.order);
      total += best.words;
      if (total >= maxWords) break;
    }
    return chosen.sort((a, b) => a.unit.order - b.unit.order).map((c) => c.unit.text);
  } catch {
    return input.sentences.slice(0, Math.max(1, options.sentences)).map((s) => s.text);
  }
}
