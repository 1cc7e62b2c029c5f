// Feeds end to end on a real SQLite store and a local server: baseline, dedupe, edits, teasers, 304s, failures, /sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { createFeedService, type FeedService } from '../../src/feeds/feed-service.js';
import { createFetcher } from '../../src/feeds/http.js';
import type { FeedStore } from '../../src/store/feeds.js';
import { feedStoreFor } from '../../src/store/store.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type FeedServer, fixture, startFeedServer, type } from './feed-server.js';

const MINUTE = 60_000;
let server: FeedServer;
let app: TestApp;
let feeds: FeedService;
let feedStore: FeedStore;
const clock = createManualClock('2024-03-06T12:00:00Z');

beforeAll(async () => {
  server = await startFeedServer();
  app = await createTestApp({ articleDirs: [], clock });
  const store = feedStoreFor(app.services.store);
  if (!store) throw new Error('the SQLite store has no feed store');
  feedStore = store;
  feeds = createFeedService({
    feedStore,
    ingestor: () => app.ingestor,
    fetcher: createFetcher({ hostGapMs: 0, timeoutMs: 1_000, maxBytes: 512 * 1024, allowPrivateAddresses: true }),
    clock,
    maxFailures: 3,
  });
});
afterAll(async () => {
  await app.close();
  await server.close();
});

describe('a new feed', () => {
  it('stores its first fetch as a quiet baseline, not as new articles', async () => {
    await feeds.add(server.url('/rss.xml'));
    const report = await feeds.poll(server.url('/rss.xml'));
    expect(report.status).toBe('ok');
    expect(report.baseline).toBe(true);
    expect(report.items.map((i) => i.outcome)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(await app.services.store.countArticles()).toBe(3);
    const ids = report.items.map((i) => i.articleId ?? '');
    expect(await feeds.quietArticleIds(ids)).toEqual(new Set(ids));
  });

  it('keeps the feed item as the article: title, date, author, source, link and body', async () => {
    const list = await app.services.store.listArticles({ limit: 10 });
    const chips = list.find((a) => a.title.startsWith('Taiwan chip exports'));
    expect(chips).toMatchObject({ date: '2024-03-04', author: 'Mei Lin', source: 'Harbour Wire' });
    expect(chips?.url).toBe(server.url('/articles/chips.html'));
    const stored = await app.services.store.getArticle(chips?.id ?? '');
    expect(stored?.body.split('\n\n')).toHaveLength(4);
  });

  it('asks again with its validators and takes a 304 as nothing new', async () => {
    const report = await feeds.poll(server.url('/rss.xml'));
    expect(report.status).toBe('not-modified');
    const last = server.requests.filter((r) => r.path === '/rss.xml').at(-1);
    expect(last?.headers['if-none-match']).toBe('"rss-v1"');
    expect(last?.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 09:00:00 GMT');
  });

  it('records every outcome', async () => {
    const outcomes = await feedStore.recentOutcomes(10, server.url('/rss.xml'));
    expect(outcomes.map((o) => o.outcome)).toEqual(['baseline', 'baseline', 'baseline']);
    expect(outcomes[0]?.articleId).toMatch(/^127-0-0-1-[0-9a-f]{12}$/);
  });
});

describe('after the baseline', () => {
  it('adds nothing when the feed reissues its items with new dates', async () => {
    server.route('/rss.xml', { body: fixture('rss-redated.xml'), type: type.xml, etag: '"rss-v2"' });
    const report = await feeds.poll(server.url('/rss.xml'));
    expect(report.status).toBe('ok');
    expect(report.baseline).toBe(false);
    expect(report.items.map((i) => i.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await app.services.store.countArticles()).toBe(3);
  });

  it('updates the article when an item is edited, instead of adding one', async () => {
    server.route('/rss.xml', { body: fixture('rss-edited.xml'), type: type.xml, etag: '"rss-v3"' });
    const report = await feeds.poll(server.url('/rss.xml'));
    expect(report.items.map((i) => i.outcome)).toEqual(['duplicate', 'duplicate', 'updated']);
    expect(await app.services.store.countArticles()).toBe(3);
    const edited = await app.services.store.getArticle(report.items[2]?.articleId ?? '');
    expect(edited?.title).toBe('Ferry operator orders four electric vessels');
    expect(edited?.body).toContain('160 million euros');
  });

  it('announces items that are new after the baseline', async () => {
    const edited = fixture('rss-edited.xml').replace(
      '<item>',
      `<item><title>Taiwan port strike ends</title><guid>harbour-wire-1004</guid><link>http://127.0.0.1/articles/strike.html</link>
       <description><![CDATA[${'<p>Dock workers in Kaohsiung, Taiwan, returned to work on Wednesday after a two-day strike over pay ended with a deal, the union said. Ships had queued outside the harbour. </p>'.repeat(5)}]]></description></item><item>`,
    );
    server.route('/rss.xml', { body: edited, type: type.xml, etag: '"rss-v4"' });
    const report = await feeds.poll(server.url('/rss.xml'));
    expect(report.items[0]?.outcome).toBe('ingested');
    expect(await feeds.quietArticleIds([report.items[0]?.articleId ?? ''])).toEqual(new Set());
    expect(await app.services.store.countArticles()).toBe(4);
  });
});

describe('teasers and article pages', () => {
  it('completes a teaser from its linked page, without the page chrome', async () => {
    await feeds.add(server.url('/atom.xml'));
    const report = await feeds.poll(server.url('/atom.xml'));
    expect(report.items.map((i) => i.outcome)).toEqual(['baseline', 'baseline']);
    expect(server.requests.some((r) => r.path === '/articles/taichung.html')).toBe(true);
    const article = await app.services.store.getArticle(report.items[1]?.articleId ?? '');
    expect(article?.body).toContain(
      '"This berth brings Taichung into the first rank of Asian ports," said Lin Shu-fen',
    );
    expect(article?.body.split('\n\n')).toHaveLength(4);
    expect(article?.body).not.toMatch(/Most read|floating restaurant|All rights reserved|Subscribe/);
    expect(article?.author).toBe('Grace Wu');
    expect(article?.date).toBe('2024-03-04');
  });

  it('does not fetch a teaser’s page again while the item is unchanged', async () => {
    server.route('/atom.xml', { body: fixture('atom.xml'), type: type.atom });
    const pages = () => server.requests.filter((r) => r.path === '/articles/taichung.html').length;
    const before = pages();
    const report = await feeds.poll(server.url('/atom.xml'));
    expect(report.items.map((i) => i.outcome)).toEqual(['duplicate', 'duplicate']);
    expect(pages()).toBe(before);
  });

  it('reads a JSON Feed', async () => {
    const report = await feeds.ingestUrl(server.url('/feed.json'));
    expect(report.kind).toBe('feed');
    expect(report.items.map((i) => i.outcome)).toEqual(['ingested', 'ingested']);
  });

  it('reads a single article page by URL, and the same page again as a duplicate', async () => {
    const first = await feeds.ingestUrl(server.url('/article.html'));
    expect(first.kind).toBe('page');
    expect(first.items[0]).toMatchObject({ outcome: 'ingested', title: 'Taiwan opens a deep-water berth in Taichung' });
    const again = await feeds.ingestUrl(server.url('/article.html'));
    expect(again.items[0]?.outcome).toBe('duplicate');
  });
});

describe('failing feeds', () => {
  it.each([
    ['/malformed.xml', /malformed XML at line \d+/],
    ['/error.xml', /HTTP 500/],
    ['/slow.xml', /timed out/],
    ['/big.xml', /too large/],
    ['/article.html', /web page, not a feed/],
  ])('records why %s failed and backs off', async (path, reason) => {
    await feeds.add(server.url(path));
    const report = await feeds.poll(server.url(path));
    expect(report.status).toBe('failed');
    expect(report.reason).toMatch(reason);
    const feed = await feedStore.getFeed(server.url(path));
    expect(feed?.failures).toBe(1);
    expect(feed?.enabled).toBe(true);
    // Interval 30 min, doubled for the first failure.
    expect(feed?.nextFetchAt).toBe(clock.now() + 60 * MINUTE);
  });

  it('disables a feed after N failures in a row, shows why in /sources list, and re-enables it', async () => {
    const url = server.url('/error.xml');
    await feeds.poll(url);
    const third = await feeds.poll(url);
    expect(third.disabled).toBe(true);
    const feed = await feedStore.getFeed(url);
    expect(feed?.enabled).toBe(false);
    expect(feed?.disabledReason).toMatch(/failed 3 times in a row; last: HTTP 500/);
    expect(await app.ask('/sources list')).toMatch(/error\.xml: DISABLED \(failed 3 times in a row; last: HTTP 500/);
    expect((await feedStore.dueFeeds(clock.now() + 1_000 * MINUTE, 100)).map((f) => f.url)).not.toContain(url);
    expect(await app.ask(`/sources enable ${url}`)).toContain('Re-enabled');
    expect(await feedStore.getFeed(url)).toMatchObject({ enabled: true, failures: 0 });
  });

  it('polls only the feeds that are due', async () => {
    clock.advance(31 * MINUTE);
    const due = (await feeds.pollDue()).map((r) => r.url);
    expect(due).toContain(server.url('/rss.xml'));
    expect(due).toContain(server.url('/error.xml'));
    expect(due).not.toContain(server.url('/malformed.xml'));
  });
});

describe('/sources', () => {
  const manager = { platform: 'slack' as const, userId: 'U1', channelId: 'C1', canManageChannel: true };
  const member = { ...manager, userId: 'U2', canManageChannel: false };
  const text = (reply: { blocks: { type: string; text?: string }[] }) =>
    reply.blocks.map((b) => b.text ?? '').join('\n');

  it('adds, lists and removes a feed', async () => {
    const url = server.url('/other.xml');
    expect(text(await app.dispatcher.run('sources', { text: `add ${url} every:60` }, manager))).toContain(
      `Added ${url}, checked every 1 h`,
    );
    expect(text(await app.dispatcher.run('sources', { text: 'list' }, member))).toContain(
      `${url}: every 1 h, waiting for its first fetch`,
    );
    expect(text(await app.dispatcher.run('sources', { text: `remove ${url}` }, manager))).toContain(`Removed ${url}`);
    expect(text(await app.dispatcher.run('sources', { text: 'list' }, member))).not.toContain(url);
  });

  it('needs channel-manager rights to change sources, not to list them', async () => {
    const reply = await app.dispatcher.run('sources', { text: `add ${server.url('/x.xml')}` }, member);
    expect(reply.error).toBe(true);
    expect(text(reply)).toMatch(/permission to manage this channel/);
  });

  it('refuses URLs that are not http(s) and intervals out of range', async () => {
    expect(text(await app.dispatcher.run('sources', { text: 'add ftp://example.com/feed' }, manager))).toMatch(
      /Only http\(s\) URLs/,
    );
    expect(text(await app.dispatcher.run('sources', { text: `add ${server.url('/y.xml')} every:1` }, manager))).toMatch(
      /every is too small/,
    );
  });

  it('re-enables a disabled feed when it is added again', async () => {
    const url = server.url('/error.xml');
    for (let i = 0; i < 3; i++) await feeds.poll(url);
    expect((await feedStore.getFeed(url))?.enabled).toBe(false);
    expect(text(await app.dispatcher.run('sources', { text: `add ${url}` }, manager))).toContain(`Re-enabled ${url}`);
  });
});
