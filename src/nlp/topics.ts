// Topics: the curated catalog (content/topics.yaml) and which topics an article is about.
import type { Entity, Paragraph } from './types.js';

export interface TopicDefinition {
  /** Canonical name ("NATO"). */
  name: string;
  /** Other names ("North Atlantic Treaty Organization", "the alliance"). */
  aliases: string[];
}

export type TopicCatalog = readonly TopicDefinition[];

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-aware matcher: all-caps names (acronyms) match case-sensitively, others ignore case. */
export function nameMatcher(name: string): RegExp {
  const pattern = `(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`;
  const acronym = /^[\p{Lu}\p{N}.&-]+$/u.test(name) && name.length <= 6;
  return new RegExp(pattern, acronym ? 'gu' : 'giu');
}

/** A catalog name's matcher, and the word of it that a quick scan looks for first. */
interface NameSearch {
  matcher: RegExp;
  /**
   * The name's longest run of letters and digits, lower-cased, when it is ASCII (else null: the name is always
   * matched in full). Any text the matcher matches holds this run, bounded by characters that are neither.
   */
  word: string | null;
}

interface CompiledCatalog {
  topics: { name: string; searches: NameSearch[] }[];
  /** Every `word` of the catalog, longest first: one scan of the lower-cased text finds the ones it holds. */
  words: RegExp | null;
  /** Every name and alias, lower-cased: an entity named so is a catalog topic already. */
  known: ReadonlySet<string>;
}

function nameSearch(name: string): NameSearch {
  const runs = name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const longest = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return { matcher: nameMatcher(name), word: /^[a-z0-9]+$/.test(longest) ? longest : null };
}

/** Each catalog's compiled matchers, built once per catalog rather than once per article. */
const compiledCatalogs = new WeakMap<TopicCatalog, CompiledCatalog>();

function compileCatalog(catalog: TopicCatalog): CompiledCatalog {
  let compiled = compiledCatalogs.get(catalog);
  if (!compiled) {
    const topics = catalog.map((t) => ({ name: t.name, searches: [t.name, ...t.aliases].map(nameSearch) }));
    const words = [...new Set(topics.flatMap((t) => t.searches.map((s) => s.word ?? '')))]
      .filter((w) => w !== '')
      .sort((a, b) => b.length - a.length);
    compiled = {
      topics,
      words: words.length > 0 ? new RegExp(words.join('|'), 'g') : null,
      known: new Set(catalog.flatMap((t) => [t.name, ...t.aliases]).map((n) => n.toLowerCase())),
    };
    compiledCatalogs.set(catalog, compiled);
  }
  return compiled;
}

/**
 * How often each catalog topic is named in the paragraphs (name or alias).
 *
 * Most names are in few articles, and each matcher tests its look-behind at every character: a name whose
 * word the text does not hold is not matched at all. The words are found in one scan of the lower-cased
 * text. It misses none: the word is a whole run of ASCII letters and digits, so a longer word found where
 * it starts would run past its end, and no word found earlier can reach into it; and a character that /iu
 * matches with an ASCII letter lower-cases to that letter, except the long s (ſ, matched as "s"): a text
 * holding one is matched in full.
 */
export function countTopicMentions(paragraphs: readonly Paragraph[], catalog: TopicCatalog): Map<string, number> {
  const counts = new Map<string, number>();
  const text = paragraphs.map((p) => p.text).join('\n');
  const { topics, words } = compileCatalog(catalog);
  const held = words && !text.includes('\u017f') ? new Set(text.toLowerCase().match(words)) : null;
  for (const topic of topics) {
    let n = 0;
    for (const { matcher, word } of topic.searches) {
      if (held === null || word === null || held.has(word)) n += text.match(matcher)?.length ?? 0;
    }
    if (n > 0) counts.set(topic.name, n);
  }
  return counts;
}

/**
 * The article's topics, most central first: catalog topics it names, then the entities it keeps
 * coming back to (named twice or more). A topic already in the catalog is not listed twice.
 */
export function articleTopics(
  paragraphs: readonly Paragraph[],
  entities: readonly Entity[],
  catalog: TopicCatalog,
  max = 12,
): string[] {
  const scored = new Map<string, number>();
  for (const [name, n] of countTopicMentions(paragraphs, catalog)) scored.set(name, n + 1);
  const { known } = compileCatalog(catalog);
  for (const e of entities) {
    if (e.mentions < 2 || e.kind === 'other') continue;
    const names = [e.name, ...e.aliases].map((n) => n.toLowerCase());
    if (names.some((n) => known.has(n))) continue;
    scored.set(e.name, Math.max(scored.get(e.name) ?? 0, e.mentions));
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([name]) => name);
}
