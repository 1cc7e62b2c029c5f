// The briefing service: briefs, summaries, "who said it" and quotes, answered from the store.
import { UserError } from '../errors.js';
import type { TopicCatalog } from '../nlp/topics.js';
import type { Citation } from '../reply/model.js';
import type { ArticleMetaRow, ArticleStore, QuoteHit, SentenceHit } from '../store/ports.js';
import type { Briefing, BriefLine, BriefQuote, TopicBrief, WhoSaidResult } from './briefing.js';
import { contentWords, fragmentScore, searchWords, setSimilarity } from './text-match.js';
import { closestTopics, plainTopic, resolveTopic } from './topic-resolution.js';

export interface BriefingOptions {
  store: ArticleStore;
  /** The curated topics; a function so a reloaded catalog is seen without a restart. */
  topics: () => TopicCatalog;
  /** Facts per brief page. */
  factsPerPage?: number;
  /** Quotes per brief page. */
  quotesPerPage?: number;
}

/** Speaker roles and cues that mark a reply from a side (a campaign, a spokesperson, a statement). */
const SIDE_MARKERS =
  /\b(campaign|spokes(?:man|woman|person)|press secretary|statement|responded|responds|countered|denied|rejected|dismissed|pushed back|disputed|defended)\b/i;

/** Pronouns and other mentions that do not say who spoke: such quotes are not shown as anyone's. */
const UNRESOLVED_SPEAKER = /^(?:he|she|they|it|we|i|you|him|her|them|one|someone|somebody|unnamed source)$/i;

export function isNamedSpeaker(speaker: string | null): speaker is string {
  return typeof speaker === 'string' && speaker.trim().length > 1 && !UNRESOLVED_SPEAKER.test(speaker.trim());
}

/**
 * Whether a stored attribution is worth showing as someone's words: a named speaker, and for
 * reported speech at least a clause (an object such as "endorsed Trump" alone says nothing).
 */
export function isShowable(q: QuoteHit): boolean {
  return isNamedSpeaker(q.speaker) && (q.kind !== 'indirect' || q.text.trim().split(/\s+/).length >= 4);
}

/** Whitespace- and punctuation-spacing-insensitive form, to find a tidied summary sentence in the text. */
function loose(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}

/**
 * How many of the newest sentences naming a topic a brief weighs: enough for several pages of
 * facts and their near-duplicates, and a bound on the work at any archive size.
 */
export const BRIEF_CANDIDATES = 250;

/** How close a fragment must come to a quote for /whosaid to name its speaker. */
const WHOSAID_THRESHOLD = 0.72;

export function citationOf(
  row: Pick<SentenceHit, 'articleId' | 'title' | 'date' | 'source' | 'url'>,
  paragraph: number,
): Citation {
  return { articleId: row.articleId, title: row.title, paragraph, source: row.source, url: row.url, date: row.date };
}

export function toBriefQuote(q: QuoteHit): BriefQuote {
  return {
    text: q.text,
    speaker: q.speaker ?? 'unnamed source',
    role: q.role,
    cue: q.cue,
    kind: q.kind,
    citation: citationOf(q, q.paragraph),
  };
}

/** Plain code-unit order: dates and ids need no locale, and this runs for every candidate line. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How strong a quote is to show: verbatim, named and described speakers, a readable length. */
export function quoteStrength(q: QuoteHit): number {
  let s = q.kind === 'direct' || q.kind === 'mixed' ? 3 : q.kind === 'unmarked' ? 2.5 : 0.5;
  if (q.speaker && /\p{Lu}\p{L}+\s+\p{Lu}/u.test(q.speaker)) s += 1;
  if (q.role) s += 0.5;
  const len = q.text.length;
  if (len < 30) s -= 2;
  else if (len < 60) s -= 0.5;
  else if (len > 320) s -= 1;
  return s;
}

function quoteCoverage(sentence: { start: number; end: number }, quotes: readonly QuoteHit[]): number {
  let covered = 0;
  for (const q of quotes) {
    if (q.kind === 'indirect') continue;
    covered += Math.max(0, Math.min(sentence.end, q.end) - Math.max(sentence.start, q.start));
  }
  return covered / Math.max(1, sentence.end - sentence.start);
}

function countMatches(text: string, names: readonly string[]): number {
  const lower = text.toLowerCase();
  let n = 0;
  for (const name of names) {
    const k = name.toLowerCase();
    let i = lower.indexOf(k);
    while (i !== -1) {
      n++;
      i = lower.indexOf(k, i + k.length);
    }
  }
  return n;
}

/** One quote per speaker, strongest first; near-identical words (the same quote in two articles) once. */
function pickQuotes(
  quotes: readonly QuoteHit[],
  exclude: Set<string>,
  bonus: (q: QuoteHit) => number = () => 0,
  max = Number.POSITIVE_INFINITY,
): QuoteHit[] {
  const bySpeaker = new Map<string, QuoteHit>();
  const score = (q: QuoteHit) => quoteStrength(q) + bonus(q);
  const ranked = [...quotes].sort((a, b) => score(b) - score(a) || compareText(b.date, a.date));
  const shown: Set<string>[] = [];
  for (const q of ranked) {
    if (bySpeaker.size >= max) break;
    const who = (q.speaker ?? '').toLowerCase();
    if (!who || exclude.has(who) || bySpeaker.has(who)) continue;
    const terms = new Set(contentWords(q.text));
    if (shown.some((t) => setSimilarity(t, terms) > 0.6)) continue;
    bySpeaker.set(who, q);
    shown.push(terms);
  }
  return [...bySpeaker.values()];
}

export function createBriefing(options: BriefingOptions): Briefing {
  const { store } = options;
  const factsPerPage = options.factsPerPage ?? 6;
  const quotesPerPage = options.quotesPerPage ?? 4;

  async function brief(query: string, opts: { page?: number } = {}): Promise<TopicBrief> {
    const page = Math.max(1, Math.floor(opts.page ?? 1));
    const topic = (await resolveTopic(query, options.topics(), store)) ?? plainTopic(query);
    const empty: TopicBrief = {
      topic: null,
      query,
      matchedNames: [],
      facts: [],
      quotes: [],
      otherVoices: [],
      articleCount: 0,
      suggestions: [],
      page,
      hasMore: false,
    };
    if (!topic) return { ...empty, suggestions: await closestTopics(query, options.topics(), store) };
    const hits = await store.searchSentences(topic.names, BRIEF_CANDIDATES);
    const bySpeaker = topic.kind === 'person' ? await store.quotesBySpeaker([topic.name], 50) : [];
    if (hits.length === 0 && bySpeaker.length === 0) {
      return { ...empty, suggestions: await closestTopics(query, options.topics(), store) };
    }
    const articleIds = [...new Set(hits.map((h) => h.articleId))].slice(0, 25);
    const articleQuotes = await store.quotesInArticles(articleIds);
    const quotesByArticle = new Map<string, QuoteHit[]>();
    for (const q of articleQuotes) quotesByArticle.set(q.articleId, [...(quotesByArticle.get(q.articleId) ?? []), q]);
    // Quotes in a paragraph that names the topic: found from the one full-text search above.
    const hitParagraphs = new Set(hits.map((h) => `${h.articleId}#${h.paragraph}`));
    const quoteHits = articleQuotes.filter((q) => hitParagraphs.has(`${q.articleId}#${q.paragraph}`));

    // Facts: sentences about the topic that are not themselves verbatim quotes, most relevant first,
    // newest first within a relevance tier, near-duplicates across articles merged.
    const scored = hits
      .filter((h) => quoteCoverage(h, quotesByArticle.get(h.articleId) ?? []) < 0.5)
      .map((h) => {
        const mentions = Math.min(2, countMatches(h.text, topic.names));
        const lead = h.paragraph <= 2 ? 0.5 : 0;
        const length = h.text.split(' ').length;
        const size = length < 8 ? -1 : length > 90 ? -0.5 : 0;
        return { hit: h, tier: Math.round(mentions + lead + size) };
      })
      .sort(
        (a, b) =>
          b.tier - a.tier ||
          compareText(b.hit.date, a.hit.date) ||
          compareText(a.hit.articleId, b.hit.articleId) ||
          a.hit.index - b.hit.index,
      );
    // Enough lines for this page and one more (to know whether there is more); the lines after them
    // are only looked at for near-duplicates to merge, and only so far: the work stays bounded.
    const wanted = page * factsPerPage + 1;
    const facts: (BriefLine & { terms: Set<string> })[] = [];
    for (const [i, { hit }] of scored.entries()) {
      if (facts.length >= wanted && i >= wanted * 6) break;
      const terms = new Set(contentWords(hit.text));
      const citation = citationOf(hit, hit.paragraph);
      const twin = facts.find((f) => setSimilarity(f.terms, terms) >= 0.6);
      if (twin) {
        if (twin.citation.articleId !== hit.articleId && !twin.alsoIn.some((c) => c.articleId === hit.articleId)) {
          twin.alsoIn.push(citation);
        }
        continue;
      }
      if (facts.length < wanted) facts.push({ text: hit.text, citation, alsoIn: [], terms });
    }

    // A reply from a side (a campaign, a spokesperson) often does not name the topic: in the
    // articles most about it (two or more lines), such replies count even then.
    const hitsPerArticle = new Map<string, number>();
    for (const h of hits) hitsPerArticle.set(h.articleId, (hitsPerArticle.get(h.articleId) ?? 0) + 1);
    const central = new Set([...hitsPerArticle].filter(([, n]) => n >= 2).map(([id]) => id));
    const sideOf = (q: QuoteHit) =>
      SIDE_MARKERS.test(`${q.role ?? ''} ${q.cue ?? ''}`) && q.speaker?.toLowerCase() !== topic.name.toLowerCase();
    const seen = new Set<string>();
    const pool = [
      ...bySpeaker,
      ...quoteHits,
      ...articleQuotes.filter((q) => central.has(q.articleId) && sideOf(q)),
    ].filter((q) => {
      const key = `${q.articleId}#${q.index}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return isNamedSpeaker(q.speaker) && q.kind !== 'indirect';
    });
    const sides = pool.filter(sideOf);
    const sideSpeakers = new Set(sides.map((q) => (q.speaker ?? '').toLowerCase()));
    const mentions = (q: QuoteHit) => (countMatches(q.text, topic.names) > 0 ? 1 : 0);
    const main = pickQuotes(
      pool.filter((q) => !sideOf(q)),
      sideSpeakers,
      mentions,
      page * quotesPerPage + 1,
    );
    const other = pickQuotes(sides, new Set(), mentions, 2);

    const start = (page - 1) * factsPerPage;
    const qStart = (page - 1) * quotesPerPage;
    const articles = new Set([...hits.map((h) => h.articleId), ...pool.map((q) => q.articleId)]);
    return {
      topic: topic.name,
      query,
      matchedNames: topic.names,
      facts: facts.slice(start, start + factsPerPage).map(({ terms: _terms, ...line }) => line),
      quotes: main.slice(qStart, qStart + quotesPerPage).map(toBriefQuote),
      otherVoices: page === 1 ? other.slice(0, 2).map(toBriefQuote) : [],
      articleCount: articles.size,
      suggestions: [],
      page,
      hasMore: facts.length > start + factsPerPage || main.length > qStart + quotesPerPage,
    };
  }

  async function findArticle(ref?: string): Promise<ArticleMetaRow> {
    if (!ref?.trim()) {
      const [newest] = await store.listArticles({ limit: 1 });
      if (!newest) throw new UserError('There are no articles yet. Add some to content/articles or a feed.');
      return newest;
    }
    const [found] = await store.findArticles(ref, 1);
    if (!found) throw new UserError(`No article matches "${ref.trim()}". Try /topics, or an article id.`);
    return found;
  }

  return {
    brief,
    async summary(ref) {
      const meta = await findArticle(ref);
      const stored = await store.getArticle(meta.id);
      if (!stored) throw new UserError(`The article "${meta.title}" is no longer stored.`);
      // Readings since version 9 say where each line comes from (a compressed line is no longer a
      // substring of its sentence); older ones are found by their text.
      const cited = stored.analysis.summaryParagraphs;
      const sentences = stored.summary.map((text, i) => {
        const paragraph = cited?.length === stored.summary.length ? cited[i] : undefined;
        if (paragraph !== undefined) return { text, paragraph };
        const want = loose(text);
        const s = stored.analysis.sentences.find((x) => loose(x.text).includes(want));
        return { text, paragraph: s?.paragraph ?? 1 };
      });
      const quotes = (await store.quotesInArticles([meta.id])).filter(
        (q) => isNamedSpeaker(q.speaker) && q.kind !== 'indirect',
      );
      const [top] = pickQuotes(quotes, new Set());
      return { article: meta, sentences, topQuote: top ? toBriefQuote(top) : null };
    },
    async whoSaid(fragment): Promise<WhoSaidResult> {
      // Quotes holding every word first (few, and cheap at any archive size); any word only if that finds little.
      const wordsOf = searchWords(fragment);
      const terms = wordsOf.length ? wordsOf : [fragment];
      let candidates = await store.searchQuotes(terms, 40, 'all');
      if (candidates.length < 5 && terms.length > 1) {
        const seen = new Set(candidates.map((q) => `${q.articleId}#${q.index}`));
        const more = await store.searchQuotes(terms, 60, 'any');
        candidates = [...candidates, ...more.filter((q) => !seen.has(`${q.articleId}#${q.index}`))];
      }
      const scored = candidates
        .filter(isShowable)
        .map((q) => ({ q, score: fragmentScore(fragment, q.text) }))
        .sort((a, b) => b.score - a.score || quoteStrength(b.q) - quoteStrength(a.q));
      const matches = [];
      for (const { q, score } of scored
        .filter((s) => s.score >= WHOSAID_THRESHOLD && isNamedSpeaker(s.q.speaker))
        .slice(0, 3)) {
        const context = (await store.paragraphText(q.articleId, q.paragraph)) ?? '';
        matches.push({ ...toBriefQuote(q), score, context });
      }
      const closest = matches.length
        ? []
        : scored
            .filter((s) => s.score > 0 && isNamedSpeaker(s.q.speaker))
            .slice(0, 3)
            .map(({ q, score }) => ({ ...toBriefQuote(q), score }));
      return { query: fragment, matches, closest };
    },
    async quotesBy(person) {
      const topic = await resolveTopic(person, [], store);
      const names = topic ? [topic.name] : [];
      const quotes = topic ? await store.quotesBySpeaker(names, 20) : [];
      if (!topic || quotes.length === 0) {
        const suggestions = (await store.suggestNames(person.trim().slice(0, 2), 30, 'person'))
          .filter((n) => n.name.toLowerCase() !== topic?.name.toLowerCase())
          .slice(0, 5)
          .map((n) => n.name);
        return { query: person, person: topic?.name ?? null, role: topic?.role ?? null, quotes: [], suggestions };
      }
      const ordered = quotes
        .filter(isShowable)
        .sort((a, b) => b.date.localeCompare(a.date) || a.articleId.localeCompare(b.articleId) || a.index - b.index);
      return {
        query: person,
        person: topic.name,
        role: topic.role ?? ordered.find((q) => q.role)?.role ?? null,
        quotes: ordered.map(toBriefQuote),
        suggestions: [],
      };
    },
    async topics(limit = 25) {
      return store.listTopics(limit);
    },
  };
}
