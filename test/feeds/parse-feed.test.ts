// Feed parsing (RSS 2.0, Atom, JSON Feed, malformed XML) and stable item keys.
import { describe, expect, it } from 'vitest';
import { itemKey } from '../../src/feeds/item-key.js';
import { FeedFormatError, looksLikeFeed, parseFeed } from '../../src/feeds/parse-feed.js';
import { fixture } from './feed-server.js';

const BASE = 'http://127.0.0.1:8080/feed';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, link, date, author and full content', () => {
    const feed = parseFeed(fixture('rss.xml'), 'application/rss+xml', BASE);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Harbour Wire');
    expect(feed.items).toHaveLength(3);
    const first = feed.items[0];
    expect(first?.guid).toBe('harbour-wire-1001');
    expect(first?.link).toBe('http://127.0.0.1/articles/chips.html');
    expect(first?.author).toBe('Mei Lin');
    expect(first?.published).toBe('Mon, 04 Mar 2024 08:00:00 GMT');
    expect(first?.content).toContain("<p>Taiwan's semiconductor exports");
  });

  it('reads Atom entries, resolving relative links against the feed URL and decoding entities', () => {
    const feed = parseFeed(fixture('atom.xml'), 'application/atom+xml', BASE);
    expect(feed.format).toBe('atom');
    expect(feed.items.map((i) => i.title)).toEqual([
      'Port of Rotterdam tests hydrogen cranes & trucks',
      'Taiwan opens a deep-water berth in Taichung',
    ]);
    expect(feed.items[0]?.link).toBe('http://127.0.0.1:8080/articles/hydrogen.html');
    expect(feed.items[0]?.content).toContain('<p>The Port of Rotterdam');
    expect(feed.items[1]?.content).toBeUndefined();
    expect(feed.items[1]?.summary).toMatch(/…$/);
  });

  it('reads JSON Feed items with HTML or text content', () => {
    const feed = parseFeed(fixture('feed.json'), 'application/feed+json', BASE);
    expect(feed.format).toBe('json');
    expect(feed.items.map((i) => i.guid)).toEqual(['json-2001', 'json-2002']);
    expect(feed.items[0]?.author).toBe('Lucía Ortega');
    expect(feed.items[1]?.content).toMatch(/^The Panama Canal Authority will raise/);
  });

  it('refuses malformed XML with the line and reason', () => {
    expect(() => parseFeed(fixture('malformed.xml'), 'application/rss+xml', BASE)).toThrow(FeedFormatError);
    expect(() => parseFeed(fixture('malformed.xml'), 'application/rss+xml', BASE)).toThrow(/malformed XML at line \d+/);
  });

  it('refuses XML and JSON that are not feeds', () => {
    expect(() => parseFeed('<?xml version="1.0"?><html><body/></html>', 'text/xml', BASE)).toThrow(/not a feed/);
    expect(() => parseFeed('{"hello":1}', 'application/json', BASE)).toThrow(/not a JSON Feed/);
  });

  it('tells feeds from web pages', () => {
    expect(looksLikeFeed('application/rss+xml', '')).toBe(true);
    expect(looksLikeFeed('text/plain', fixture('atom.xml'))).toBe(true);
    expect(looksLikeFeed('text/html; charset=utf-8', fixture('article.html'))).toBe(false);
  });
});

describe('itemKey', () => {
  const base = { title: 'A title', published: 'Mon, 04 Mar 2024 08:00:00 GMT' };

  it('uses the guid first', () => {
    expect(itemKey({ ...base, guid: 'g1', link: 'http://x.test/a' }, BASE)).toBe('guid:g1');
  });

  it('falls back to the link without tracking parameters or fragment', () => {
    expect(itemKey({ ...base, link: 'http://X.test/a?utm_source=rss&id=2#top' }, BASE)).toBe(
      'link:http://x.test/a?id=2',
    );
  });

  it('falls back to a hash of title and date, scoped to the feed', () => {
    const key = itemKey(base, BASE);
    expect(key).toMatch(/^hash:[0-9a-f]{32}$/);
    expect(itemKey(base, 'http://other.test/feed')).not.toBe(key);
    expect(itemKey({ ...base, published: 'Tue, 05 Mar 2024 08:00:00 GMT' }, BASE)).not.toBe(key);
  });

  it('gives the same keys to a feed that reissues its items with new dates', () => {
    const before = parseFeed(fixture('rss.xml'), 'application/rss+xml', BASE).items.map((i) => itemKey(i, BASE));
    const after = parseFeed(fixture('rss-redated.xml'), 'application/rss+xml', BASE).items.map((i) => itemKey(i, BASE));
    expect(after).toEqual(before);
  });
});
