// Stable identity for feed items and pages: guid, else link, else a hash of title and date; never the date alone.
import { createHash } from 'node:crypto';
import type { FeedItem } from './parse-feed.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A URL without tracking parameters or fragment, so one page has one key. */
export function normalizeUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) {
      if (/^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid)$/i.test(key)) url.searchParams.delete(key);
    }
    url.hostname = url.hostname.toLowerCase();
    return url.href;
  } catch {
    return raw.trim();
  }
}

/**
 * The item's key within its feed. A guid or a link never depends on the date, so a feed that reissues
 * its items with new dates delivers the same keys. Only items with neither fall back to title + date.
 */
export function itemKey(item: FeedItem, feedUrl: string): string {
  if (item.guid?.trim()) return `guid:${item.guid.trim()}`;
  if (item.link) return `link:${normalizeUrl(item.link)}`;
  return `hash:${sha(`${feedUrl}\n${item.title.trim().toLowerCase()}\n${item.published ?? ''}`).slice(0, 32)}`;
}

/** The key of a single article page. Matches `itemKey` of a feed item that only has this link. */
export function pageKey(url: string): string {
  return `link:${normalizeUrl(url)}`;
}

function hostSlug(url: string): string {
  try {
    return new URL(url).hostname
      .replace(/^www\./, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  } catch {
    return 'feed';
  }
}

/**
 * The article id for an item: readable host prefix + a hash of the key. Guid and link keys are
 * global (the same story in two feeds is one article); title hashes are scoped to their feed.
 */
export function articleIdFor(key: string, url: string): string {
  return `${hostSlug(url) || 'feed'}-${sha(key).slice(0, 12)}`;
}

/** What the feed says about an item, dates left out: unchanged means there is nothing new to read. */
export function itemFingerprint(item: FeedItem): string {
  return sha(JSON.stringify([item.title, item.link ?? '', item.author ?? '', item.content ?? '', item.summary ?? '']));
}
