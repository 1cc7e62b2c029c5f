// Liveness and readiness over HTTP for container orchestrators: GET /healthz and GET /readyz on HEALTH_PORT.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StoreUnavailableError } from './errors.js';
import type { Platform } from './platforms/platform.js';
import type { ArticleStore } from './store/ports.js';

export interface HealthChecks {
  /** The store once it is open; undefined while start-up is still opening it (not ready). */
  store(): Pick<ArticleStore, 'ping'> | undefined;
  /** The platforms started so far; each must report isReady(). */
  platforms(): readonly Pick<Platform, 'name' | 'isReady'>[];
  /** False while starting up or shutting down: not ready, whatever the rest says. */
  accepting?(): boolean;
}

export interface HealthServerOptions {
  port: number;
  /** Interface to listen on; all interfaces by default (probes come from the orchestrator). */
  host?: string | undefined;
  checks: HealthChecks;
  /** A store ping slower than this counts as unavailable, so a hung database never hangs the probe. */
  pingTimeoutMs?: number;
}

export interface Readiness {
  ready: boolean;
  /** Each check by name ('store', 'slack', 'discord', 'console', 'process'): 'ok' or why not. */
  checks: Record<string, string>;
  /** The names of the checks that are not 'ok'. */
  notReady: string[];
}

export interface HealthServer {
  /** The port it listens on (useful with port 0). */
  readonly port: number;
  /** Evaluates readiness as /readyz would. */
  readiness(): Promise<Readiness>;
  close(): Promise<void>;
}

async function pingWithin(store: Pick<ArticleStore, 'ping'>, ms: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ms} ms`), ms);
  });
  const ping = store.ping().then(
    () => 'ok',
    // Our own messages only: a driver's message could carry connection details.
    (error: unknown) => (error instanceof StoreUnavailableError ? error.message : 'ping failed'),
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Readiness now: the store answers a ping and every started platform is connected. */
export async function checkReadiness(checks: HealthChecks, pingTimeoutMs = 2000): Promise<Readiness> {
  const results: Record<string, string> = {};
  if (checks.accepting && !checks.accepting()) results.process = 'starting or shutting down';
  const store = checks.store();
  results.store = store ? await pingWithin(store, pingTimeoutMs) : 'not open yet';
  for (const p of checks.platforms()) results[p.name] = p.isReady() ? 'ok' : 'not connected';
  const notReady = Object.entries(results)
    .filter(([, v]) => v !== 'ok')
    .map(([k]) => k);
  return { ready: notReady.length === 0, checks: results, notReady };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Starts the health server; resolves once it listens. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const pingTimeoutMs = options.pingTimeoutMs ?? 2000;
  const readiness = () => checkReadiness(options.checks, pingTimeoutMs);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' });
    // Liveness: the event loop answers. Deliberately no dependency checks, so a database outage never
    // gets the process killed and restarted in a loop.
    if (path === '/healthz') return send(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const r = await readiness();
      return send(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r });
    }
    send(res, 404, { error: 'not found' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, { status: 'error' }));
  });
  // Probes are short-lived; never let a keep-alive socket hold shutdown.
  server.keepAliveTimeout = 1000;
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    readiness,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
