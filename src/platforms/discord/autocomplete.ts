// Autocomplete choices for topics, people and articles, read from the store.
import type { AutocompleteKind } from '../../../commands/define-command.js';
import type { ArticleStore } from '../../store/ports.js';

export interface Choice {
  name: string;
  value: string;
}

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;

const cut = (s: string) => (s.length <= 100 ? s : `${s.slice(0, 99)}…`);

/** Suggestions for what has been typed so far; values are what the command accepts as input. */
export async function suggest(store: ArticleStore, kind: AutocompleteKind, typed: string): Promise<Choice[]> {
  const prefix = typed.trim().slice(0, 100);
  if (kind === 'article') {
    const rows = prefix
      ? await store.findArticles(prefix, MAX_CHOICES)
      : await store.listArticles({ limit: MAX_CHOICES });
    // The id is the value: it fits in 100 characters and names the article exactly.
    return rows.filter((a) => a.id.length <= 100).map((a) => ({ name: cut(`${a.title} (${a.date})`), value: a.id }));
  }
  const rows = await store.suggestNames(prefix, MAX_CHOICES, kind);
  return rows.map((n) => ({ name: cut(n.role ? `${n.name}, ${n.role}` : n.name), value: cut(n.name) }));
}
