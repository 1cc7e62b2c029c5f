// Fault-injection helpers: a TCP proxy that can drop a database, an HTTP proxy that answers 5xx/429, a log sink.
import { once } from 'node:events';
import { createServer as createHttpServer, type Server as HttpServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';

export interface TcpProxy {
  readonly port: number;
  /** The database is gone: open connections are cut and new ones are closed at once. */
  down(): void;
  /** The database is back. */
  up(): void;
  /** `url` with its host and port pointed at the proxy. */
  via(url: string): string;
  close(): Promise<void>;
}

/** A TCP proxy on 127.0.0.1 in front of `target`, to make a real Postgres unreachable and reachable again. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let isDown = false;
  const server: Server = createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const down = () => {
    isDown = true;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  return {
    port,
    down,
    up() {
      isDown = false;
    },
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async close() {
      down();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What the fault proxy answers instead of forwarding, or undefined to forward. */
export type Fault = { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

export interface HttpFaultProxy {
  /** Base URL of the proxy (same paths as the target). */
  readonly url: string;
  /** Decides per request; set to () => undefined to forward everything. */
  fault: (method: string, path: string) => Fault;
  /** Requests answered with a fault, by status. */
  readonly faulted: Map<number, number>;
  close(): Promise<void>;
}

/** An HTTP proxy in front of a fake platform that can answer 500 or 429 for as long as a test likes. */
export async function startHttpFaultProxy(target: string): Promise<HttpFaultProxy> {
  const base = new URL(target);
  const faulted = new Map<number, number>();
  const proxy: HttpFaultProxy = {
    url: '',
    fault: () => undefined,
    faulted,
    close: async () => undefined,
  };
  const server: HttpServer = createHttpServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const f = proxy.fault(req.method ?? 'GET', path);
    if (f) {
      req.resume();
      faulted.set(f.status, (faulted.get(f.status) ?? 0) + 1);
      res.writeHead(f.status, { 'content-type': 'application/json', ...f.headers });
      res.end(JSON.stringify(f.body ?? { message: 'injected fault' }));
      return;
    }
    const upstream = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: base.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}${base.pathname === '/' ? '' : base.pathname}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A writable that keeps every line written to it (a logger's destination, a CLI's stderr). */
export function memoryStream(): Writable & { text(): string; lines(): string[] } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, {
    text: () => text,
    lines: () => text.split('\n').filter((l) => l.length > 0),
  });
}

/** A sleep that waits for nothing and records each delay asked for. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

/** A closed port on 127.0.0.1: connection refused, at once. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
