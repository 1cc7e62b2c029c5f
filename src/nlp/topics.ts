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

/** Each catalog's compiled matchers, built once per catalog rather than once per article. */
const matchersOf = new WeakMap<TopicCatalog, { name: string; matchers: RegExp[] }[]>();

function catalogMatchers(catalog: TopicCatalog): { name: string; matchers: RegExp[] }[] {
  let compiled = matchersOf.get(catalog);
  if (!compiled) {
    compiled = catalog.map((t) => ({ name: t.name, matchers: [t.name, ...t.aliases].map(nameMatcher) }));
    matchersOf.set(catalog, compiled);
  }
  return compiled;
}

/** How often each catalog topic is named in the paragraphs (name or alias). */
export function countTopicMentions(paragraphs: readonly Paragraph[], catalog: TopicCatalog): Map<string, number> {
  const counts = new Map<string, number>();
  const text = paragraphs.map((p) => p.text).join('\n');
  for (const topic of catalogMatchers(catalog)) {
    let n = 0;
    for (const matcher of topic.matchers) n += text.match(matcher)?.length ?? 0;
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
  const known = new Set(catalog.flatMap((t) => [t.name, ...t.aliases]).map((n) => n.toLowerCase()));
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
