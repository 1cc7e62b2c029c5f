// The polite fetcher against a local server: User-Agent, conditional GET, errors, timeouts and the size cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress } from '../../src/feeds/address-guard.js';
import { createFetcher, FetchError } from '../../src/feeds/http.js';
import { USER_AGENT } from '../../src/feeds/options.js';
import { type FeedServer, startFeedServer } from './feed-server.js';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

const fetcher = () =>
  createFetcher({ hostGapMs: 0, timeoutMs: 1_000, maxBytes: 256 * 1024, allowPrivateAddresses: true });

describe('createFetcher', () => {
  it('sends a User-Agent that names Newsdesk with a URL', async () => {
    await fetcher().fetch({ url: server.url('/rss.xml') });
    const request = server.requests.at(-1);
    expect(request?.headers['user-agent']).toBe(USER_AGENT);
    expect(USER_AGENT).toMatch(/^Newsdesk\/\S+ \(.*https?:\/\/\S+\)$/);
  });

  it('returns the body with its validators', async () => {
    const result = await fetcher().fetch({ url: server.url('/rss.xml') });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(result.body).toContain('<rss');
    expect(result.etag).toBe('"rss-v1"');
    expect(result.lastModified).toBe('Tue, 05 Mar 2024 09:00:00 GMT');
  });

  it('sends If-None-Match and If-Modified-Since, and reports a 304 as not modified', async () => {
    const result = await fetcher().fetch({
      url: server.url('/rss.xml'),
      etag: '"rss-v1"',
      lastModified: 'Tue, 05 Mar 2024 09:00:00 GMT',
    });
    expect(result).toEqual({ status: 'not-modified' });
    const request = server.requests.at(-1);
    expect(request?.headers['if-none-match']).toBe('"rss-v1"');
    expect(request?.headers['if-modified-since']).toBe('Tue, 05 Mar 2024 09:00:00 GMT');
  });

  it('fails with the HTTP status on a 500', async () => {
    await expect(fetcher().fetch({ url: server.url('/error.xml') })).rejects.toThrow(/HTTP 500/);
  });

  it('gives up on a slow response after the timeout', async () => {
    const started = Date.now();
    const error = await fetcher()
      .fetch({ url: server.url('/slow.xml') })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).reason).toMatch(/timed out after 1000 ms/);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('stops reading an oversized body past the cap', async () => {
    await expect(fetcher().fetch({ url: server.url('/big.xml') })).rejects.toThrow(
      /too large \(more than 262144 bytes\)/,
    );
  });

  it('refuses a declared Content-Length over the cap before reading', async () => {
    server.route('/declared.xml', { body: 'x'.repeat(300 * 1024), type: 'application/rss+xml' });
    await expect(fetcher().fetch({ url: server.url('/declared.xml') })).rejects.toThrow(/too large \(307200 bytes/);
  });

  it('refuses URLs that are not http(s)', async () => {
    await expect(fetcher().fetch({ url: 'file:///etc/passwd' })).rejects.toThrow(/not an http\(s\) URL/);
  });

  it('sends one request at a time to a host, with a gap between them', async () => {
    server.route('/a.xml', { body: 'a', delayMs: 150 });
    const polite = createFetcher({ hostGapMs: 100, timeoutMs: 2_000, allowPrivateAddresses: true });
    const before = server.requests.length;
    const started = Date.now();
    await Promise.all([polite.fetch({ url: server.url('/a.xml') }), polite.fetch({ url: server.url('/a.xml') })]);
    // 150 ms + 100 ms gap + 150 ms: never both at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(server.requests.length - before).toBe(2);
  });
});

describe('private addresses', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:9/feed.xml'],
    ['localhost', 'http://localhost:9/feed.xml'],
    ['a private range', 'http://10.1.2.3/feed.xml'],
    ['link-local metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', 'http://[::1]:9/feed.xml'],
    ['IPv4-mapped IPv6', 'http://[::ffff:192.168.0.1]/feed.xml'],
  ])('refuses %s unless private addresses are allowed', async (_name, url) => {
    await expect(createFetcher({ hostGapMs: 0 }).fetch({ url })).rejects.toThrow(/refused: .*(local|private)/);
  });

  it('classifies private and public addresses', () => {
    for (const ip of [
      '192.168.1.10',
      '172.20.0.1',
      '100.64.0.1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::ffff:a00:1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(ip)).toBe(true);
    }
    for (const ip of ['93.184.216.34', '172.32.0.1', '2606:2800:220:1::1']) expect(isPrivateAddress(ip)).toBe(false);
  });

  it('follows redirects hop by hop, reporting the final URL, and gives up past five', async () => {
    server.route('/moved.xml', { status: 301, location: '/rss.xml' });
    const result = await fetcher().fetch({ url: server.url('/moved.xml') });
    expect(result.status === 'ok' && result.url).toBe(server.url('/rss.xml'));
    server.route('/loop.xml', { status: 302, location: '/loop.xml' });
    await expect(fetcher().fetch({ url: server.url('/loop.xml') })).rejects.toThrow(/too many redirects/);
  });
});
