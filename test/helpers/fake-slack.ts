// A fake Slack on 127.0.0.1 for e2e tests: Web API methods, response_url endpoints and a Socket Mode WebSocket.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** A Web API call as the fake received it; JSON-looking form fields (blocks) are parsed. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
  at: number;
}

/** A scripted answer for the next call of a method: a rate limit, or Slack's `{ok:false,error}`. */
export type ScriptedAnswer = 'ok' | { rateLimited: { retryAfterSeconds: number } } | { error: string };

export interface FakeUser {
  id: string;
  is_admin?: boolean;
  is_owner?: boolean;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL (ends with /api/). */
  readonly apiUrl: string;
  /** Every Web API call received, in order. */
  readonly calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  /** Queues answers for the next calls of `method`, in order ('ok' = the normal answer); unscripted calls succeed. */
  script(method: string, ...answers: ScriptedAnswer[]): void;
  setUser(user: FakeUser): void;
  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string;
  /** Bodies posted to a response_url so far. */
  responses(id: string): Record<string, unknown>[];
  /** Resolves once `count` bodies have arrived at the response_url (rejects after `timeoutMs`). */
  waitForResponses(id: string, count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  /** Resolves once `count` calls of `method` have arrived. */
  waitForCalls(method: string, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  /** Socket Mode: sends an envelope to the connected app and resolves with its ack. */
  sendEnvelope(type: string, payload: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when a Socket Mode client has connected (and got its hello). */
  waitForSocket(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseParams(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Polls `check` on every change notification until it returns a value or the timeout passes. */
function waitUntil<T>(
  subscribe: (fn: () => void) => () => void,
  check: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first !== undefined) return resolve(first);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`fake slack: timed out waiting for ${what}`));
    }, timeoutMs);
    const unsubscribe = subscribe(() => {
      const value = check();
      if (value === undefined) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(value);
    });
  });
}

export async function createFakeSlack(): Promise<FakeSlack> {
  const calls: ApiCall[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  const users = new Map<string, FakeUser>();
  const responses = new Map<string, Record<string, unknown>[]>();
  const listeners = new Set<() => void>();
  const acks = new Map<string, Record<string, unknown>>();
  const notify = () => {
    for (const fn of [...listeners]) fn();
  };
  const subscribe = (fn: () => void) => {
    listeners.add(fn);
    return () => listeners.delete(fn);
  };
  let socket: WebSocket | undefined;
  let envelopes = 0;
  let base = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const raw = await readBody(req);
    const params = parseParams(raw, req.headers['content-type']);
    const respond = /^\/respond\/([\w-]+)$/.exec(url.pathname);
    if (respond?.[1]) {
      const list = responses.get(respond[1]) ?? [];
      list.push(params);
      responses.set(respond[1], list);
      json(res, 200, { ok: true });
      notify();
      return;
    }
    const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (!api?.[1]) return json(res, 404, { ok: false, error: 'unknown_path' });
    const method = api[1];
    calls.push({ method, params, authorization: req.headers.authorization, at: Date.now() });
    notify();
    const scripted = scripts.get(method)?.shift();
    if (typeof scripted === 'object' && 'rateLimited' in scripted) {
      return json(
        res,
        429,
        { ok: false, error: 'ratelimited' },
        {
          'retry-after': String(scripted.rateLimited.retryAfterSeconds),
        },
      );
    }
    if (typeof scripted === 'object') return json(res, 200, { ok: false, error: scripted.error });
    switch (method) {
      case 'auth.test':
        return json(res, 200, {
          ok: true,
          user_id: 'UBOT',
          bot_id: 'BBOT',
          team_id: 'T1',
          user: 'newsdesk',
          team: 'Test',
        });
      case 'users.info': {
        const user = users.get(String(params.user ?? ''));
        return user ? json(res, 200, { ok: true, user }) : json(res, 200, { ok: false, error: 'user_not_found' });
      }
      case 'chat.postMessage':
        return json(res, 200, { ok: true, channel: params.channel, ts: `${Date.now() / 1000}`, message: {} });
      case 'apps.connections.open':
        return json(res, 200, { ok: true, url: `${base.replace(/^http/, 'ws')}/socket` });
      default:
        return json(res, 200, { ok: false, error: 'unknown_method' });
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => json(res, 500, { ok: false, error: String(error) }));
  });
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const msg = safeJson(String(data));
      if (msg && typeof msg === 'object' && 'envelope_id' in msg) {
        acks.set(String((msg as { envelope_id: unknown }).envelope_id), msg as Record<string, unknown>);
        notify();
      }
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' } }));
    notify();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    script(method, ...answers) {
      scripts.set(method, [...(scripts.get(method) ?? []), ...answers]);
    },
    setUser(user) {
      users.set(user.id, user);
    },
    responseUrl: (id) => `${base}/respond/${id}`,
    responses: (id) => responses.get(id) ?? [],
    waitForResponses(id, count, timeoutMs = 5000) {
      return waitUntil(
        subscribe,
        () => {
          const list = responses.get(id) ?? [];
          return list.length >= count ? list : undefined;
        },
        timeoutMs,
        `${count} response(s) at ${id}`,
      );
    },
    waitForCalls(method, count, timeoutMs = 5000) {
      return waitUntil(
        subscribe,
        () => {
          const list = calls.filter((c) => c.method === method);
          return list.length >= count ? list : undefined;
        },
        timeoutMs,
        `${count} call(s) of ${method}`,
      );
    },
    waitForSocket(timeoutMs = 5000) {
      return waitUntil(subscribe, () => (socket ? true : undefined), timeoutMs, 'a socket mode client').then(
        () => undefined,
      );
    },
    async sendEnvelope(type, payload, timeoutMs = 5000) {
      if (!socket) throw new Error('fake slack: no socket mode client connected');
      envelopes += 1;
      const id = `env-${envelopes}`;
      socket.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: true, retry_attempt: 0 }));
      return waitUntil(subscribe, () => acks.get(id), timeoutMs, `the ack of ${id}`);
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
