// Digest content: the articles new since the last digest, filtered by topics, each summarised with its strongest quote.
import type { TopicCatalog } from '../nlp/topics.js';
import { nameMatcher } from '../nlp/topics.js';
import { type Block, type Reply, r, reply } from '../reply/model.js';
import type { ArticleMetaRow, ArticleStore, QuoteHit } from '../store/ports.js';
import type { BriefQuote } from './briefing.js';
import { citationOf, quoteStrength, toBriefQuote } from './create-briefing.js';
import { resolveTopic } from './topic-resolution.js';

/** Articles listed in one digest at most; the rest are counted. */
export const DIGEST_MAX_ITEMS = 12;
/** Articles looked at per digest: more than a day of news, bounded. */
const DIGEST_SCAN_LIMIT = 500;

export interface DigestItem {
  article: ArticleMetaRow;
  /** One or two sentences of the stored summary. */
  summary: string;
  quote: BriefQuote | null;
  /** Why it is in ("about NATO", "all topics"). */
  reason: string;
}

export interface DigestExclusion {
  article: ArticleMetaRow;
  /** Why it is out ("not about nato, ukraine"). */
  reason: string;
}

export interface Digest {
  /** The day the digest is for, as the subscriber reads it ("Monday 3 June 2024"). */
  dateLabel: string;
  /** Articles ingested at or after this instant were considered. */
  since: number;
  items: DigestItem[];
  excluded: DigestExclusion[];
  /** The topics asked for, and how each was understood (canonical names). */
  topics: { query: string; names: string[] }[];
  /** The next digest considers articles ingested at or after this instant. */
  coveredUntil: number;
}

export interface ComposeDigestOptions {
  store: ArticleStore;
  catalog: TopicCatalog;
  /** Topics to keep; empty keeps every article. */
  topics: readonly string[];
  since: number;
  /** The instant the digest is for (the scheduled slot), dated in `timeZone`. */
  at: number;
  timeZone: string;
  /** Of these article ids, the ones stored as a feed's quiet baseline (left out); none when absent. */
  quietArticleIds?: ((articleIds: string[]) => Promise<Set<string>>) | undefined;
}

/** Why a baseline article is out of a digest. */
export const QUIET_REASON = "stored from a feed's first fetch (baseline), not news";

function dateLabel(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(at));
}

function strongestQuote(quotes: readonly QuoteHit[]): QuoteHit | null {
  let best: QuoteHit | null = null;
  for (const q of quotes) {
    if (!q.speaker) continue;
    if (!best || quoteStrength(q) > quoteStrength(best)) best = q;
  }
  return best;
}

/** Why an article matches one of the topics, or null: its stored topics, then its names, then its title. */
async function topicReason(
  store: ArticleStore,
  article: ArticleMetaRow,
  topics: Digest['topics'],
): Promise<string | null> {
  const stored = new Set(article.topics.map((t) => t.toLowerCase()));
  for (const t of topics) {
    const hit = t.names.find((n) => stored.has(n.toLowerCase()));
    if (hit) return `about ${hit}`;
  }
  const full = await store.getArticle(article.id);
  const mentioned = new Set(
    (full?.analysis.entities ?? []).flatMap((e) => [e.name, ...e.aliases]).map((n) => n.toLowerCase()),
  );
  for (const t of topics) {
    const hit = t.names.find((n) => mentioned.has(n.toLowerCase()));
    if (hit) return `mentions ${hit}`;
  }
  for (const t of topics) {
    const hit = t.names.find((n) => nameMatcher(n).test(article.title));
    if (hit) return `title names ${hit}`;
  }
  return null;
}

/** Builds the digest for a subscription: what is new since `since`, and why each article is in or out. */
export async function composeDigest(options: ComposeDigestOptions): Promise<Digest> {
  const { store } = options;
  const topics: Digest['topics'] = [];
  for (const query of options.topics) {
    const resolved = await resolveTopic(query, options.catalog, store);
    topics.push({ query, names: resolved ? resolved.names : [query] });
  }
  const articles = await store.listArticles({ since: options.since, limit: DIGEST_SCAN_LIMIT });
  const coveredUntil = Math.max(options.since, ...articles.map((a) => a.ingestedAt + 1));
  const quiet =
    articles.length > 0 && options.quietArticleIds
      ? await options.quietArticleIds(articles.map((a) => a.id))
      : new Set<string>();
  const kept: { article: ArticleMetaRow; reason: string }[] = [];
  const excluded: DigestExclusion[] = [];
  for (const article of articles) {
    if (quiet.has(article.id)) {
      excluded.push({ article, reason: QUIET_REASON });
      continue;
    }
    const reason = topics.length === 0 ? 'all topics' : await topicReason(store, article, topics);
    if (reason) kept.push({ article, reason });
    else excluded.push({ article, reason: `not about ${topics.map((t) => t.query).join(', ')}` });
  }
  const quotes = await store.quotesInArticles(kept.slice(0, DIGEST_MAX_ITEMS).map((k) => k.article.id));
  const byArticle = new Map<string, QuoteHit[]>();
  for (const q of quotes) byArticle.set(q.articleId, [...(byArticle.get(q.articleId) ?? []), q]);
  const items = kept.map(({ article, reason }) => {
    const best = strongestQuote(byArticle.get(article.id) ?? []);
    return { article, reason, summary: article.summary.slice(0, 2).join(' '), quote: best ? toBriefQuote(best) : null };
  });
  return {
    dateLabel: dateLabel(options.at, options.timeZone),
    since: options.since,
    items,
    excluded,
    topics,
    coveredUntil,
  };
}

/** The digest as a Reply; null when nothing is new and the subscription asked for silence. */
export function renderDigest(
  digest: Digest,
  options: { quietWhenEmpty: boolean; catchUp?: string | undefined },
): Reply | null {
  if (digest.items.length === 0 && options.quietWhenEmpty) return null;
  const blocks: Block[] = [r.heading(`Newsdesk digest: ${digest.dateLabel}`)];
  const scope = digest.topics.length ? `on ${digest.topics.map((t) => t.query).join(', ')}` : 'on every topic';
  const n = digest.items.length;
  blocks.push(r.context(`${n} new article${n === 1 ? '' : 's'} ${scope}.`));
  if (options.catchUp) blocks.push(r.context(options.catchUp));
  if (n === 0) {
    blocks.push(r.text('Nothing new since the last digest.'));
    return reply(blocks);
  }
  for (const item of digest.items.slice(0, DIGEST_MAX_ITEMS)) {
    const a = item.article;
    blocks.push(r.divider());
    blocks.push(
      r.bullet(
        `${a.title} (${a.source}${a.url ? `, ${a.url}` : ''})${item.summary ? `: ${item.summary}` : ''}`,
        citationOf({ articleId: a.id, title: a.title, date: a.date, source: a.source, url: a.url }, 1),
      ),
    );
    if (item.quote) {
      blocks.push(
        r.quote(item.quote.text, item.quote.speaker, {
          role: item.quote.role ?? undefined,
          cue: item.quote.cue ?? undefined,
          citation: item.quote.citation,
        }),
      );
    }
  }
  if (n > DIGEST_MAX_ITEMS) blocks.push(r.context(`…and ${n - DIGEST_MAX_ITEMS} more.`));
  return reply(blocks);
}
