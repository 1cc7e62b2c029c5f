// Helpers shared by the store backends: FTS query building and name rows from an analysis.
import type { Analysis, Paragraph, Sentence } from '../nlp/types.js';
import type { NameRow, QuoteHit } from './ports.js';

/** Word tokens of a free-text query, lower-cased, for full-text search. */
export function queryWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/** An FTS5 expression matching any of the phrases (each quoted, so no operator injection). */
export function ftsAnyPhrase(phrases: readonly string[]): string {
  const parts = phrases
    .map((p) => queryWords(p))
    .filter((w) => w.length > 0)
    .map((w) => `"${w.join(' ')}"`);
  return [...new Set(parts)].join(' OR ');
}

/** Name particles that belong to a surname: "de Vries", "van der Berg", "bin Salman". */
const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'du',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'le',
  'la',
  'bin',
  'al',
  'el',
]);
/** Generational suffixes: never a surname on their own. */
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/**
 * The surnames a person's full name can be asked by ("/brief lindqvist"), even in an article that never
 * uses the surname alone: the last word, and with its particles ("de Vries" and "Vries").
 */
export function surnamesOf(fullName: string): string[] {
  const parts = fullName.trim().split(/\s+/);
  while (parts.length > 2 && SUFFIXES.has((parts[parts.length - 1] ?? '').toLowerCase().replace(/,$/, ''))) parts.pop();
  if (parts.length < 2) return [];
  const last = parts.length - 1;
  let from = last;
  while (from > 1 && PARTICLES.has((parts[from - 1] ?? '').toLowerCase())) from--;
  const out = [parts[last] ?? ''];
  if (from < last) out.push(parts.slice(from).join(' '));
  return out.filter((n) => n.length >= 2);
}

/** One row per (name, canonical) an analysis uses: entity names and aliases, and topics. */
export function nameRowsOf(analysis: Analysis): {
  nameLc: string;
  canonical: string;
  kind: NameRow['kind'];
  role: string | null;
  mentions: number;
}[] {
  const rows = new Map<
    string,
    { nameLc: string; canonical: string; kind: NameRow['kind']; role: string | null; mentions: number }
  >();
  // A speaker the entity reader could not type ("Pieter de Vries" is 'other') is still someone with a surname.
  const speakers = new Set(analysis.quotes.map((q) => q.speaker));
  for (const e of analysis.entities) {
    const person = e.kind === 'person' || (e.kind === 'other' && speakers.has(e.name));
    const names = person ? [e.name, ...e.aliases, ...surnamesOf(e.name)] : [e.name, ...e.aliases];
    for (const name of names) {
      const nameLc = name.trim().toLowerCase();
      if (!nameLc) continue;
      rows.set(`${nameLc}\u0000${e.name}`, {
        nameLc,
        canonical: e.name,
        kind: e.kind,
        role: e.role,
        mentions: e.mentions,
      });
    }
  }
  // Topics get their own rows even when an entity has the same name: /topics lists them by kind.
  for (const t of analysis.topics) {
    const nameLc = t.toLowerCase();
    rows.set(`${nameLc}\u0000${t}\u0000topic`, { nameLc, canonical: t, kind: 'topic', role: null, mentions: 1 });
  }
  return [...rows.values()];
}

/** Groups aggregated name rows by canonical name into NameRow results, most covered first. */
export function groupNames(
  rows: { name_lc: string; canonical: string; kind: string; role: string | null; articles: number }[],
): NameRow[] {
  const byCanonical = new Map<string, { row: NameRow; kinds: Map<string, number> }>();
  for (const r of rows) {
    let g = byCanonical.get(r.canonical);
    if (!g) {
      g = { row: { name: r.canonical, kind: 'other', aliases: [], role: null, articles: 0 }, kinds: new Map() };
      byCanonical.set(r.canonical, g);
    }
    // The canonical name's own count is the best measure of coverage; aliases only add to it when it is absent.
    g.row.articles = Math.max(g.row.articles, r.articles);
    g.kinds.set(r.kind, (g.kinds.get(r.kind) ?? 0) + r.articles);
    if (r.role && !g.row.role) g.row.role = r.role;
    if (r.name_lc !== r.canonical.toLowerCase() && !g.row.aliases.includes(r.name_lc)) g.row.aliases.push(r.name_lc);
  }
  return [...byCanonical.values()]
    .map((g) => {
      const kinds = [...g.kinds.entries()].filter(([k]) => k !== 'topic').sort((a, b) => b[1] - a[1]);
      const kind = kinds[0]?.[0] ?? (g.kinds.has('topic') ? 'topic' : 'other');
      return { ...g.row, kind: kind as NameRow['kind'] };
    })
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
}

/** An analysis as stored: paragraph and sentence texts left out, since the body holds them. */
export type PackedAnalysis = Omit<Analysis, 'paragraphs' | 'sentences'> & {
  paragraphs: Omit<Paragraph, 'text'>[];
  sentences: Omit<Sentence, 'text'>[];
};

/** Drops the texts an analysis repeats from the body (about half of its size). */
export function packAnalysis(analysis: Analysis): PackedAnalysis {
  return {
    ...analysis,
    paragraphs: analysis.paragraphs.map(({ text: _text, ...p }) => p),
    sentences: analysis.sentences.map(({ text: _text, ...s }) => s),
  };
}

/** Restores a stored analysis, taking paragraph and sentence texts from the body by their offsets. */
export function unpackAnalysis(packed: PackedAnalysis, body: string): Analysis {
  return {
    ...packed,
    paragraphs: packed.paragraphs.map((p) => ({ ...p, text: body.slice(p.start, p.end) })),
    sentences: packed.sentences.map((s) => ({ ...s, text: body.slice(s.start, s.end) })),
  };
}

/** Name suggestions from per-name rows: one per canonical name (its best-covered row), most covered first. */
export function pickSuggestions(
  rows: readonly { canonical: string; kind: string; role: string | null; articles: number }[],
  limit: number,
): NameRow[] {
  const out = new Map<string, NameRow>();
  for (const r of rows) {
    const seen = out.get(r.canonical);
    if (!seen || seen.articles < r.articles) {
      out.set(r.canonical, {
        name: r.canonical,
        kind: r.kind as NameRow['kind'],
        aliases: [],
        role: r.role,
        articles: r.articles,
      });
    }
  }
  return [...out.values()].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
}

/** A quote row as both stores select it (QUOTE_COLUMNS joined with its article). */
export interface QuoteRow {
  idx: number;
  text: string;
  speaker: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  role: string | null;
  cue: string | null;
  kind: string;
  paragraph: number;
  start_offset: number;
  end_offset: number;
  article_id: string;
  title: string;
  date: string;
  source: string;
  url: string | null;
  rank?: number | string | null;
}

/** A stored quote row as the port's QuoteHit. */
export function toQuote(row: QuoteRow): QuoteHit {
  return {
    articleId: row.article_id,
    title: row.title,
    date: row.date,
    source: row.source,
    url: row.url ?? undefined,
    index: row.idx,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    speaker: row.speaker,
    speakerStart: row.speaker_start,
    speakerEnd: row.speaker_end,
    role: row.role,
    cue: row.cue,
    kind: row.kind as QuoteHit['kind'],
    paragraph: row.paragraph,
    rank: Number(row.rank ?? 0),
  };
}
