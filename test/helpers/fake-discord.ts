// A fake Discord on 127.0.0.1 for end-to-end tests: REST API + gateway, driven by the real discord.js client.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedRequest {
  method: string;
  /** Path after /api/v10, e.g. /channels/1/messages. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  at: number;
}

export interface LimitViolation {
  path: string;
  problem: string;
}

/** An option as Discord sends it in an interaction. */
export interface InteractionOption {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

export interface InteractionInput {
  command: string;
  options?: InteractionOption[];
  /** Permission bits of the member in the channel, as a decimal string; everything but admin by default. */
  permissions?: string;
  channelId?: string;
  guildId?: string;
  userId?: string;
}

export interface FakeDiscord {
  /** Base REST URL, to use as DISCORD_API_URL (the client appends /v10). */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly requests: RecordedRequest[];
  /** Messages that broke one of Discord's limits (answered 400 / 50035). Tests assert it stays empty. */
  readonly limitViolations: LimitViolation[];
  /** Requests to routes the fake does not know. */
  readonly unhandled: RecordedRequest[];
  /** IDENTIFY payloads received on the gateway. */
  readonly identifies: Record<string, unknown>[];
  /** Bodies of every PUT of application commands, with their scope. */
  readonly registrations: { scope: string; body: unknown }[];
  /** Answer the next `times` channel posts with 429 and this retry_after (seconds). */
  rateLimitChannelPosts(times: number, retryAfterSeconds: number): void;
  /** Make posts to a channel fail the way Discord does. */
  failChannel(channelId: string, status: number, code: number, message: string): void;
  /** Sends INTERACTION_CREATE for a slash command; resolves with its token (to find its responses). */
  sendCommand(input: InteractionInput): string;
  /** Sends INTERACTION_CREATE for an autocomplete request. */
  sendAutocomplete(input: InteractionInput): string;
  /** Every request whose path contains `token` (interaction callbacks and webhooks). */
  requestsFor(token: string): RecordedRequest[];
  /** Waits until a request matches, or fails after `timeoutMs`. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Resolves when a client has identified on the gateway. */
  waitForIdentify(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** What route() returns after answering 404 to a path it does not serve. */
const UNKNOWN_ROUTE = -404;

const ALL_BUT_ADMIN = (((1n << 50n) - 1n) & ~8n).toString();

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
};

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Discord's own checks on a message body; returns the first problem. */
export function messageProblem(body: unknown, { allowEmpty = false } = {}): string | undefined {
  if (!isObject(body)) return 'body is not an object';
  const content = str(body.content);
  if (content.length > LIMITS.content) return `content is ${content.length} > ${LIMITS.content}`;
  const embeds = Array.isArray(body.embeds) ? body.embeds : [];
  if (embeds.length > LIMITS.embeds) return `${embeds.length} embeds > ${LIMITS.embeds}`;
  let total = 0;
  for (const e of embeds) {
    if (!isObject(e)) return 'embed is not an object';
    const title = str(e.title);
    const description = str(e.description);
    const footer = isObject(e.footer) ? str(e.footer.text) : '';
    const author = isObject(e.author) ? str(e.author.name) : '';
    const fields = Array.isArray(e.fields) ? e.fields.filter(isObject) : [];
    if (title.length > LIMITS.title) return `embed title ${title.length} > ${LIMITS.title}`;
    if (description.length > LIMITS.description) return `embed description ${description.length}`;
    if (footer.length > LIMITS.footer) return `embed footer ${footer.length}`;
    if (author.length > LIMITS.author) return `embed author ${author.length}`;
    if (fields.length > LIMITS.fields) return `${fields.length} fields`;
    for (const f of fields) {
      if (str(f.name).length > LIMITS.fieldName || str(f.value).length > LIMITS.fieldValue) return 'field too long';
    }
    total += title.length + description.length + footer.length + author.length;
    total += fields.reduce((n, f) => n + str(f.name).length + str(f.value).length, 0);
  }
  if (total > LIMITS.total) return `embeds total ${total} > ${LIMITS.total}`;
  if (!allowEmpty && content.length === 0 && embeds.length === 0) return 'empty message';
  return undefined;
}

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

/** Discord's checks on an application command registration. */
export function commandProblem(command: unknown): string | undefined {
  if (!isObject(command)) return 'command is not an object';
  const name = str(command.name);
  if (!NAME.test(name)) return `bad command name ${name}`;
  const description = str(command.description);
  if (description.length < 1 || description.length > 100) return `/${name}: description length`;
  const options = Array.isArray(command.options) ? command.options.filter(isObject) : [];
  if (options.length > 25) return `/${name}: more than 25 options`;
  let seenOptional = false;
  for (const o of options) {
    const on = str(o.name);
    if (!NAME.test(on)) return `/${name}: bad option name ${on}`;
    const od = str(o.description);
    if (od.length < 1 || od.length > 100) return `/${name} ${on}: description length`;
    if (![3, 4, 5, 10].includes(Number(o.type))) return `/${name} ${on}: unexpected type ${String(o.type)}`;
    if (o.required === true && seenOptional) return `/${name}: required option ${on} after an optional one`;
    if (o.required !== true) seenOptional = true;
    const choices = Array.isArray(o.choices) ? o.choices : [];
    if (choices.length > 25) return `/${name} ${on}: more than 25 choices`;
    if (choices.length > 0 && o.autocomplete === true) return `/${name} ${on}: choices and autocomplete`;
    for (const k of ['min_length', 'max_length']) {
      const v = o[k];
      if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 6000)) return `/${name} ${on}: ${k}`;
    }
  }
  return undefined;
}

export async function startFakeDiscord(options: { token?: string } = {}): Promise<FakeDiscord> {
  const token = options.token ?? 'fake-token.for-tests-only';
  const applicationId = '1100000000000000001';
  const botUserId = applicationId;
  const requests: RecordedRequest[] = [];
  const limitViolations: LimitViolation[] = [];
  const unhandled: RecordedRequest[] = [];
  const identifies: Record<string, unknown>[] = [];
  const registrations: { scope: string; body: unknown }[] = [];
  const failingChannels = new Map<string, { status: number; code: number; message: string }>();
  const sockets = new Set<WebSocket>();
  const waiters = new Set<() => void>();
  let rateLimited = { times: 0, retryAfter: 0 };
  let nextId = 1200000000000000000n;
  let sequence = 0;
  const snowflake = () => (nextId++).toString();

  const notify = () => {
    for (const w of waiters) w();
  };

  const message = (channelId: string, body: Json, extra: Json = {}) => ({
    id: snowflake(),
    channel_id: channelId,
    author: { id: botUserId, username: 'Newsdesk', discriminator: '0', global_name: null, avatar: null, bot: true },
    content: str(body.content),
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...extra,
  });

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    // Like Discord, a 204 carries no body and no content type (discord.js parses JSON by content type).
    res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return undefined;
    return JSON.parse(text) as unknown;
  }

  /** Answers one REST request; returns the status it sent. */
  function route(req: IncomingMessage, res: ServerResponse, path: string, body: unknown): number {
    const method = req.method ?? 'GET';
    const authed = req.headers.authorization === `Bot ${token}`;
    const needsAuth = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
    if (needsAuth && !authed) {
      send(res, 401, { message: '401: Unauthorized', code: 0 });
      return 401;
    }
    const invalid = (problem: string) => {
      limitViolations.push({ path, problem });
      send(res, 400, { message: 'Invalid Form Body', code: 50035, errors: { _errors: [{ message: problem }] } });
      return 400;
    };
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      send(res, 200, {
        url: gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 60_000, max_concurrency: 1 },
      });
      return 200;
    }
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (method === 'PUT' && m) {
      if (m[1] !== applicationId) {
        send(res, 403, { message: 'Missing Access', code: 50001 });
        return 403;
      }
      const list = Array.isArray(body) ? body : [];
      for (const c of list) {
        const problem = commandProblem(c);
        if (problem) return invalid(problem);
      }
      registrations.push({ scope: m[2] ?? 'global', body });
      send(
        res,
        200,
        list.filter(isObject).map((c) => ({ ...c, id: snowflake(), application_id: applicationId, version: '1' })),
      );
      return 200;
    }
    m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (method === 'POST' && m) {
      const cb = isObject(body) ? body : {};
      const data = isObject(cb.data) ? cb.data : {};
      if (cb.type === 4) {
        const problem = messageProblem(data);
        if (problem) return invalid(problem);
      }
      if (cb.type === 8) {
        const choices = Array.isArray(data.choices) ? data.choices.filter(isObject) : [];
        if (choices.length > 25) return invalid('more than 25 choices');
        for (const c of choices) {
          const n = str(c.name);
          if (n.length < 1 || n.length > 100 || String(c.value).length > 100) return invalid('bad choice');
        }
      }
      send(res, 204);
      return 204;
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (m) {
      if (method === 'POST' && !m[3]) {
        const problem = messageProblem(body);
        if (problem) return invalid(problem);
        send(res, 200, message('0', isObject(body) ? body : {}, { webhook_id: applicationId }));
        return 200;
      }
      if (method === 'PATCH' && m[3]) {
        const problem = messageProblem(body, { allowEmpty: true });
        if (problem) return invalid(problem);
        send(res, 200, message('0', isObject(body) ? body : {}, { webhook_id: applicationId }));
        return 200;
      }
      if (method === 'DELETE' && m[3]) {
        send(res, 204);
        return 204;
      }
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === 'POST' && m) {
      const channelId = m[1] ?? '';
      if (rateLimited.times > 0) {
        rateLimited = { ...rateLimited, times: rateLimited.times - 1 };
        send(
          res,
          429,
          { message: 'You are being rate limited.', retry_after: rateLimited.retryAfter, global: false },
          {
            'retry-after': String(rateLimited.retryAfter),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': String(rateLimited.retryAfter),
            'x-ratelimit-bucket': 'fake-channel-bucket',
            'x-ratelimit-scope': 'user',
          },
        );
        return 429;
      }
      const failure = failingChannels.get(channelId);
      if (failure) {
        send(res, failure.status, { message: failure.message, code: failure.code });
        return failure.status;
      }
      const problem = messageProblem(body);
      if (problem) return invalid(problem);
      send(res, 200, message(channelId, isObject(body) ? body : {}));
      return 200;
    }
    send(res, 404, { message: '404: Not Found', code: 0 });
    return UNKNOWN_ROUTE;
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    readBody(req)
      .then((body) => {
        const answered = route(req, res, path, body);
        const status = answered === UNKNOWN_ROUTE ? 404 : answered;
        const record = { method: req.method ?? 'GET', path, query: url.searchParams, body, status, at: Date.now() };
        requests.push(record);
        if (answered === UNKNOWN_ROUTE) unhandled.push(record);
        notify();
      })
      .catch((err: unknown) => send(res, 500, { message: String(err), code: 0 }));
  });

  const wss = new WebSocketServer({ server, path: '/gateway' });
  const dispatch = (t: string, d: unknown) => {
    sequence += 1;
    const frame = JSON.stringify({ op: 0, t, s: sequence, d });
    for (const ws of sockets) ws.send(frame);
  };
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        identifies.push(isObject(frame.d) ? frame.d : {});
        notify();
        sequence += 1;
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: sequence,
            d: {
              v: 10,
              user: {
                id: botUserId,
                username: 'Newsdesk',
                discriminator: '0',
                global_name: null,
                avatar: null,
                bot: true,
              },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: gatewayUrl,
              shard: [0, 1],
              application: { id: applicationId, flags: 0 },
            },
          }),
        );
      }
    });
  });

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}/api`;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  function interaction(type: 2 | 4, input: InteractionInput): string {
    const id = snowflake();
    const interactionToken = `itoken-${id}`;
    const guildId = input.guildId ?? '1300000000000000001';
    const channelId = input.channelId ?? '1300000000000000002';
    const userId = input.userId ?? '1300000000000000003';
    dispatch('INTERACTION_CREATE', {
      id,
      application_id: applicationId,
      type,
      token: interactionToken,
      version: 1,
      guild_id: guildId,
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: guildId, name: 'news', permissions: ALL_BUT_ADMIN },
      member: {
        user: { id: userId, username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null },
        roles: [],
        permissions: input.permissions ?? ALL_BUT_ADMIN,
        joined_at: '2024-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: ALL_BUT_ADMIN,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': guildId },
      context: 0,
      data: { id: snowflake(), name: input.command, type: 1, options: input.options ?? [] },
    });
    return interactionToken;
  }

  return {
    apiUrl,
    gatewayUrl,
    token,
    applicationId,
    requests,
    limitViolations,
    unhandled,
    identifies,
    registrations,
    rateLimitChannelPosts(times, retryAfterSeconds) {
      rateLimited = { times, retryAfter: retryAfterSeconds };
    },
    failChannel(channelId, status, code, msg) {
      failingChannels.set(channelId, { status, code, message: msg });
    },
    sendCommand: (input) => interaction(2, input),
    sendAutocomplete: (input) => interaction(4, input),
    requestsFor: (t) => requests.filter((r) => r.path.includes(`/${t}`)),
    async waitForRequest(match, timeoutMs = 5000) {
      const found = () => requests.find(match);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = found();
        if (hit) return hit;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error('fake Discord: no matching request in time');
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            resolve();
          };
          waiters.add(wake);
          setTimeout(wake, Math.min(left, 200)).unref();
        });
      }
    },
    async waitForIdentify(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (identifies.length === 0) {
        if (Date.now() > deadline) throw new Error('fake Discord: nobody identified');
        await delay(10);
      }
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
