// Polite HTTP for feeds and pages: conditional GET, a timeout, a size cap, one request at a time per host.
import { NewsdeskError } from '../errors.js';
import { privateTargetReason } from './address-guard.js';
import { DEFAULT_LIMITS, type FeedLimits, USER_AGENT } from './options.js';

export interface FetchRequest {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  accept?: string | undefined;
}

export type FetchResult =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      /** The URL after redirects. */
      url: string;
      contentType: string;
      body: string;
      etag?: string | undefined;
      lastModified?: string | undefined;
    };

/** A request that failed; `reason` is short and readable (shown in /sources list). */
export class FetchError extends NewsdeskError {
  readonly reason: string;
  readonly httpStatus: number | undefined;
  /** From a Retry-After header, when the server sent one. */
  readonly retryAfterMs: number | undefined;
  constructor(reason: string, options: { httpStatus?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super('fetch_failed', reason, { cause: options.cause });
    this.name = 'FetchError';
    this.reason = reason;
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface Fetcher {
  /** GETs a URL; waits its turn behind other requests to the same host. */
  fetch(request: FetchRequest): Promise<FetchResult>;
}

export interface FetcherOptions extends Partial<FeedLimits> {
  userAgent?: string;
  /**
   * Whether loopback, private and link-local addresses may be fetched (every redirect hop is
   * checked too). Off for sources added from chat; the operator's own `newsdesk ingest` allows them.
   */
  allowPrivateAddresses?: boolean;
}

/** Redirects followed at most, each one checked like the first request. */
const MAX_REDIRECTS = 5;

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The charset a response declares (header first, then an XML declaration or a meta tag). */
function charsetOf(contentType: string, head: string): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const fromBody =
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return (fromHeader ?? fromBody ?? 'utf-8').toLowerCase();
}

function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  try {
    return new TextDecoder(charsetOf(contentType, head)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FetchError(`too large (${declared} bytes; the limit is ${maxBytes})`);
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(`too large (more than ${maxBytes} bytes)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

function describeFailure(error: unknown, timeoutMs: number): FetchError {
  if (error instanceof FetchError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return new FetchError(`timed out after ${timeoutMs} ms`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError(cause ? `${message}: ${cause}` : message, { cause: error });
}

/** A fetcher with Newsdesk's User-Agent; requests to one host are serialised with a gap between them. */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const limits: FeedLimits = {
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_LIMITS.maxBytes,
    hostGapMs: options.hostGapMs ?? DEFAULT_LIMITS.hostGapMs,
  };
  const userAgent = options.userAgent ?? USER_AGENT;
  const queues = new Map<string, Promise<void>>();

  const once = async (request: FetchRequest): Promise<FetchResult> => {
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: request.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    try {
      const signal = AbortSignal.timeout(limits.timeoutMs);
      let target = request.url;
      let response: Response | undefined;
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (!options.allowPrivateAddresses) {
          const reason = await privateTargetReason(new URL(target));
          if (reason) throw new FetchError(`refused: ${reason}`);
        }
        response = await fetch(target, { headers, redirect: 'manual', signal });
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || response.status === 304 || !location) break;
        await response.body?.cancel().catch(() => undefined);
        target = new URL(location, target).toString();
        if (hop === MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
      }
      if (!response) throw new FetchError('no response');
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { status: 'not-modified' };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        const after = retryAfter(response.headers.get('retry-after'));
        throw new FetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, {
          httpStatus: response.status,
          ...(after === undefined ? {} : { retryAfterMs: after }),
        });
      }
      const contentType = response.headers.get('content-type') ?? '';
      const bytes = await readCapped(response, limits.maxBytes);
      return {
        status: 'ok',
        url: target,
        contentType,
        body: decode(bytes, contentType),
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
      };
    } catch (error) {
      throw describeFailure(error, limits.timeoutMs);
    }
  };

  return {
    fetch(request) {
      let host: string;
      try {
        const url = new URL(request.url);
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          return Promise.reject(new FetchError(`not an http(s) URL: ${request.url}`));
        }
        host = url.host;
      } catch {
        return Promise.reject(new FetchError(`not a URL: ${request.url}`));
      }
      const previous = queues.get(host) ?? Promise.resolve();
      const result = previous.then(() => once(request));
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      const next = settled.then(() => (limits.hostGapMs > 0 ? sleep(limits.hostGapMs) : undefined));
      queues.set(host, next);
      void next.then(() => {
        if (queues.get(host) === next) queues.delete(host);
      });
      return result;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
