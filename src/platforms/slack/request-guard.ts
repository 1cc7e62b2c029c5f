// Request checks Bolt lacks: Slack signature headers present and the timestamp within 5 minutes either way.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';

/** Slack's replay window: requests more than this far from our clock, past or future, are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  /** Paths that carry signed Slack requests (the events endpoint). */
  paths: readonly string[];
  /** Milliseconds since the epoch (a fixed clock in tests). */
  now?: () => number;
  logger: Logger;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Why a request must be refused before Bolt sees it, or undefined to let Bolt verify the signature. */
export function rejectReason(req: IncomingMessage, nowMs: number): string | undefined {
  const signature = header(req, 'x-slack-signature');
  const timestamp = header(req, 'x-slack-request-timestamp');
  if (!signature || !timestamp) return 'missing signature headers';
  if (!/^v0=[0-9a-f]{64}$/.test(signature)) return 'malformed signature';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed timestamp';
  const skew = Number(timestamp) - Math.floor(nowMs / 1000);
  if (skew > MAX_CLOCK_SKEW_SECONDS) return 'timestamp in the future';
  if (skew < -MAX_CLOCK_SKEW_SECONDS) return 'stale timestamp';
  return undefined;
}

/** Wraps the receiver's request listener: refused requests get a bare 401, the rest go on to Bolt's checks. */
export function guardRequests(listener: RequestListener, options: RequestGuardOptions): RequestListener {
  const now = options.now ?? Date.now;
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'POST' && options.paths.includes(path)) {
      const reason = rejectReason(req, now());
      if (reason) {
        options.logger.warn({ path, reason }, 'slack request refused');
        // Drain the body so the connection can be reused, then refuse.
        req.resume();
        res.writeHead(401, { 'content-type': 'text/plain' });
        res.end();
        return;
      }
    }
    listener(req, res);
  };
}
