// Per-user and per-channel command rate limits: sliding one-minute windows, memory bounded.
import type { Clock } from './clock.js';

export interface RateLimitOptions {
  userPerMinute: number;
  channelPerMinute: number;
  clock: Clock;
  /** How many distinct users and channels to remember at most (oldest forgotten first). */
  maxKeys?: number;
}

export type RateDecision = { ok: true } | { ok: false; scope: 'user' | 'channel'; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one command from this user in this channel, unless a limit is reached. */
  take(userKey: string, channelKey: string): RateDecision;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const maxKeys = options.maxKeys ?? 50_000;
  const hits = new Map<string, number[]>();
  const recent = (key: string, now: number): number[] => {
    const list = (hits.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    hits.delete(key);
    hits.set(key, list);
    if (hits.size > maxKeys) {
      const oldest = hits.keys().next().value;
      if (oldest !== undefined) hits.delete(oldest);
    }
    return list;
  };
  return {
    take(userKey, channelKey) {
      const now = options.clock.now();
      const user = recent(`u:${userKey}`, now);
      const channel = recent(`c:${channelKey}`, now);
      const wait = (list: number[]) => Math.max(1, Math.ceil((WINDOW_MS - (now - (list[0] ?? now))) / 1000));
      if (user.length >= options.userPerMinute) return { ok: false, scope: 'user', retryAfterSeconds: wait(user) };
      if (channel.length >= options.channelPerMinute)
        return { ok: false, scope: 'channel', retryAfterSeconds: wait(channel) };
      user.push(now);
      channel.push(now);
      return { ok: true };
    },
  };
}
