// Feed items and pages -> Articles through the same ingestor as content/, with every item's outcome.
import { contentHash } from '../article/parse.js';
import { type Article, articleMetaSchema, MAX_ARTICLE_CHARS } from '../article/schema.js';
import type { Clock } from '../clock.js';
import { errorMessage } from '../errors.js';
import type { Ingestor } from '../ingest/ingest.js';
import type { FeedStore, ItemOutcome } from '../store/feeds.js';
import { type ExtractedArticle, extractArticle } from './extract-article.js';
import { htmlToParagraphs } from './html-text.js';
import { FetchError, type Fetcher } from './http.js';
import { articleIdFor, itemFingerprint, itemKey, pageKey } from './item-key.js';
import { TEASER_CHARS } from './options.js';
import { type FeedItem, looksLikeFeed } from './parse-feed.js';

export interface ItemResult {
  key: string;
  title: string;
  articleId?: string | undefined;
  outcome: ItemOutcome;
  reason?: string | undefined;
}

export interface ItemReader {
  /** Reads one feed item (completing a teaser from its page) and ingests it. Never throws. */
  readItem(item: FeedItem, feed: { url: string; title?: string | undefined; baseline: boolean }): Promise<ItemResult>;
  /** Reads one article page and ingests it. Never throws. */
  readPage(url: string, html: string): Promise<ItemResult>;
}

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';
const TEASER_END = /(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|read the full (story|article))\W*$/i;

/** Whether an item's text is only a teaser of its linked page: cut off, very short, or one short paragraph. */
export function isTeaser(paragraphs: readonly string[]): boolean {
  const text = paragraphs.join('\n\n').trim();
  if (TEASER_END.test(text)) return true;
  return text.length < TEASER_CHARS / 2 || (paragraphs.length <= 1 && text.length < TEASER_CHARS);
}

function isoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'web';
  }
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max - 1)}…`;
}

class ItemFailure extends Error {}

interface Draft {
  id: string;
  title: string;
  date?: string | undefined;
  source: string;
  url?: string | undefined;
  author?: string | undefined;
  paragraphs: string[];
  origin: string;
}

function toArticle(draft: Draft, today: string): Article {
  const body = draft.paragraphs.join('\n\n');
  if (!body.trim()) throw new ItemFailure('no article text');
  if (body.length > MAX_ARTICLE_CHARS)
    throw new ItemFailure(`too large (${body.length} characters; the limit is ${MAX_ARTICLE_CHARS})`);
  const title = shorten(draft.title.trim() || (draft.paragraphs[0] ?? '').trim(), 300);
  const meta = articleMetaSchema.safeParse({
    title,
    date: draft.date ?? today,
    source: shorten(draft.source, 200),
    url: draft.url,
    author: draft.author ? shorten(draft.author, 300) : undefined,
  });
  if (!meta.success) {
    throw new ItemFailure(meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  // The date is left out of the hash: a feed that only re-dates an item has not changed it.
  const hash = contentHash(JSON.stringify([meta.data.title, meta.data.author ?? '', meta.data.url ?? '', body]));
  return { id: draft.id, ...meta.data, body, hash, origin: draft.origin };
}

export function createItemReader(options: {
  ingestor: () => Ingestor;
  feedStore: FeedStore;
  fetcher: Fetcher;
  clock: Clock;
}): ItemReader {
  const { feedStore, fetcher, clock } = options;
  const today = () => new Date(clock.now()).toISOString().slice(0, 10);

  const fetchPage = async (url: string): Promise<ExtractedArticle> => {
    const page = await fetcher.fetch({ url, accept: HTML_ACCEPT });
    if (page.status !== 'ok') throw new ItemFailure(`${url}: no content`);
    if (looksLikeFeed(page.contentType, page.body)) throw new ItemFailure(`${url} is a feed, not an article page`);
    const extracted = extractArticle(page.body, page.url);
    if (!extracted) throw new ItemFailure(`${url}: no article text found on the page`);
    return extracted;
  };

  const store = async (article: Article, baseline: boolean): Promise<ItemOutcome> => {
    const outcome = await options.ingestor().ingest(article);
    if (outcome === 'inserted' && baseline) {
      await feedStore.markQuiet(article.id, 'baseline', clock.now());
      return 'baseline';
    }
    return outcome === 'inserted' ? 'ingested' : outcome === 'updated' ? 'updated' : 'duplicate';
  };

  const failed = (key: string, title: string, error: unknown, articleId?: string): ItemResult => ({
    key,
    title,
    articleId,
    outcome: 'failed',
    reason: error instanceof FetchError ? `page: ${error.reason}` : errorMessage(error),
  });

  return {
    async readItem(item, feed) {
      const key = itemKey(item, feed.url);
      const articleId = articleIdFor(key, item.link ?? feed.url);
      const label = item.title || item.link || key;
      try {
        const fingerprint = itemFingerprint(item);
        const seen = await feedStore.seenItem(feed.url, key);
        if (seen?.itemHash === fingerprint)
          return { key, title: label, articleId: seen.articleId, outcome: 'duplicate' };
        let paragraphs = htmlToParagraphs(item.content ?? item.summary ?? '');
        let { title, author } = item;
        let date = isoDay(item.published);
        if (item.link && isTeaser(paragraphs)) {
          const page = await fetchPage(item.link);
          const pageParagraphs = page.text.split('\n\n');
          if (page.text.length > paragraphs.join('\n\n').length) paragraphs = pageParagraphs;
          title = title || page.title;
          author = author ?? page.author;
          date = date ?? page.date;
        }
        const article = toArticle(
          {
            id: articleId,
            title,
            date,
            source: feed.title ?? hostOf(feed.url),
            url: item.link,
            author,
            paragraphs,
            origin: item.link ?? feed.url,
          },
          today(),
        );
        const outcome = await store(article, feed.baseline);
        await feedStore.rememberItem(feed.url, key, { articleId, itemHash: fingerprint }, clock.now());
        return { key, title: article.title, articleId, outcome };
      } catch (error) {
        return failed(key, label, error, articleId);
      }
    },
    async readPage(url, html) {
      const key = pageKey(url);
      const articleId = articleIdFor(key, url);
      try {
        const page = extractArticle(html, url);
        if (!page) throw new ItemFailure('no article text found on the page');
        const article = toArticle(
          {
            id: articleId,
            title: page.title,
            date: page.date,
            source: page.siteName ?? hostOf(url),
            url,
            author: page.author,
            paragraphs: page.text.split('\n\n'),
            origin: url,
          },
          today(),
        );
        const outcome = await store(article, false);
        await feedStore.rememberItem(url, key, { articleId, itemHash: article.hash }, clock.now());
        return { key, title: article.title, articleId, outcome };
      } catch (error) {
        return failed(key, url, error, articleId);
      }
    },
  };
}
