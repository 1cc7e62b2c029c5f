// A local HTTP server on 127.0.0.1 serving the feed fixtures, with 304s, errors, slow and oversized answers.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));

export const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

export interface Route {
  body?: string;
  type?: string;
  status?: number;
  /** Sent as ETag; a request with a matching If-None-Match gets a 304. */
  etag?: string;
  lastModified?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Stream this many bytes of filler without a Content-Length. */
  streamBytes?: number;
  /** Sent as Location (with a 3xx status). */
  location?: string;
}

export interface FeedServer {
  url(path: string): string;
  /** Serves a route (replacing any earlier one at this path). */
  route(path: string, route: Route): void;
  /** Every request so far: path and headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  xml: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json',
  html: 'text/html; charset=utf-8',
};

export const type = TYPES;

function stream(res: ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(16 * 1024, 'a');
  let sent = 0;
  const write = (): void => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', write);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    sent = bytes;
  });
  write();
}

/** Starts the server with the standard fixture routes. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>([
    [
      '/rss.xml',
      { body: fixture('rss.xml'), type: TYPES.xml, etag: '"rss-v1"', lastModified: 'Tue, 05 Mar 2024 09:00:00 GMT' },
    ],
    ['/atom.xml', { body: fixture('atom.xml'), type: TYPES.atom }],
    ['/feed.json', { body: fixture('feed.json'), type: TYPES.json }],
    ['/articles/taichung.html', { body: fixture('article.html'), type: TYPES.html }],
    ['/article.html', { body: fixture('article.html'), type: TYPES.html }],
    ['/malformed.xml', { body: fixture('malformed.xml'), type: TYPES.xml }],
    ['/error.xml', { status: 500, body: 'Internal Server Error', type: 'text/plain' }],
    ['/slow.xml', { body: fixture('rss.xml'), type: TYPES.xml, delayMs: 3_000 }],
    ['/big.xml', { type: TYPES.xml, streamBytes: 4 * 1024 * 1024 }],
  ]);
  const requests: FeedServer['requests'] = [];
  let base = 'http://127.0.0.1';
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    const route = routes.get(path);
    const answer = () => {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      const headers: Record<string, string> = { 'content-type': route.type ?? 'text/plain' };
      if (route.etag) headers.etag = route.etag;
      if (route.lastModified) headers['last-modified'] = route.lastModified;
      if (route.location) headers.location = route.location;
      if (route.streamBytes) {
        res.writeHead(route.status ?? 200, headers);
        stream(res, route.streamBytes);
        return;
      }
      // Fixtures link to http://127.0.0.1/...: point those links at this server's port.
      const body = (route.body ?? '').replaceAll('http://127.0.0.1/', `${base}/`);
      headers['content-length'] = String(Buffer.byteLength(body));
      res.writeHead(route.status ?? 200, headers).end(body);
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs).unref();
    else answer();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, route) => {
      routes.set(path, route);
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
