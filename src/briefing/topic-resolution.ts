// Topic resolution: what the user typed -> a known topic or entity and every name it goes by.
import type { TopicCatalog } from '../nlp/topics.js';
import type { ArticleStore, NameRow } from '../store/ports.js';
import { contentWords, editDistance } from './text-match.js';

export interface ResolvedTopic {
  /** Canonical name ("NATO"). */
  name: string;
  kind: NameRow['kind'];
  /** Every phrase that names it in articles: canonical, aliases, catalog aliases. */
  names: string[];
  role: string | null;
}

function normalize(q: string): string {
  return q.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The query and its singular forms ("sanctions" -> "sanction", "allies" -> "ally"). */
export function queryVariants(query: string): string[] {
  const full = normalize(query);
  const q = full.replace(/^(the|a|an)\s+/, '');
  const out = [q, full];
  if (q.endsWith('ies') && q.length > 4) out.push(`${q.slice(0, -3)}y`);
  else if (/(?:ches|shes|xes|sses)$/.test(q)) out.push(q.slice(0, -2));
  if (q.endsWith('s') && !q.endsWith('ss') && q.length > 3) out.push(q.slice(0, -1));
  if (/['’]s$/.test(q)) out.push(q.slice(0, -2));
  return [...new Set(out)];
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const k = normalize(n);
    if (k.length < 2 || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

/** Resolves a topic query against the catalog and the stored entities; null when nothing matches. */
export async function resolveTopic(
  query: string,
  catalog: TopicCatalog,
  store: ArticleStore,
): Promise<ResolvedTopic | null> {
  const variants = queryVariants(query);
  if (variants[0] === '') return null;
  const topic = catalog.find((t) => [t.name, ...t.aliases].some((n) => variants.includes(normalize(n))));
  const lookup = topic ? [topic.name, ...topic.aliases] : variants;
  const rows = await store.findNames(lookup);
  const preferred = topic ? rows.find((r) => normalize(r.name) === normalize(topic.name)) : undefined;
  const best = preferred ?? rows.find((r) => variants.includes(normalize(r.name))) ?? rows[0];
  if (!topic && !best) return null;
  const name = topic?.name ?? best?.name ?? query;
  const related = rows.filter(
    (r) => r === best || (topic && [topic.name, ...topic.aliases].some((n) => normalize(n) === normalize(r.name))),
  );
  const names = uniqueNames([name, ...(topic?.aliases ?? []), ...related.flatMap((r) => [r.name, ...r.aliases])]);
  return { name, kind: topic ? 'topic' : (best?.kind ?? 'other'), names, role: best?.role ?? null };
}

/**
 * A query that names no known topic or entity ("ferry", "grain exports"), read as plain words: the brief
 * is then the sentences that use them. Null when the query has no content word ("the", "a").
 */
export function plainTopic(query: string): ResolvedTopic | null {
  if (contentWords(query).length === 0) return null;
  const variants = queryVariants(query).filter((v) => contentWords(v).length > 0);
  const name = query.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return variants.length ? { name, kind: 'other', names: variants, role: null } : null;
}

/** The known topics and names closest to an unknown query, for "did you mean". */
export async function closestTopics(
  query: string,
  catalog: TopicCatalog,
  store: ArticleStore,
  limit = 5,
): Promise<string[]> {
  const q = normalize(query);
  const pool = new Set<string>(catalog.map((t) => t.name));
  for (const t of await store.listTopics(200)) pool.add(t.name);
  if (q.length >= 2) for (const n of await store.suggestNames(q.slice(0, 2), 50)) pool.add(n.name);
  return [...pool]
    .map((name) => {
      const n = normalize(name);
      const d = Math.min(editDistance(q, n, 6), ...n.split(' ').map((part) => editDistance(q, part, 6)));
      const prefix = n.startsWith(q.slice(0, 3)) ? -1 : 0;
      return { name, score: d + prefix };
    })
    .filter((c) => c.score <= Math.max(2, Math.ceil(q.length / 2)))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((c) => c.name);
}
