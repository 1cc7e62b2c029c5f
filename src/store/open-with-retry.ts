// Opens the store at start-up, retrying an unreachable database with capped exponential backoff, one log line a try.
import { errorMessage, StoreUnavailableError } from '../errors.js';
import type { Logger } from '../logger.js';

export interface StoreRetryPolicy {
  /** Attempts in all, the first included; then start-up fails with the last reason. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  initialDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/** 1, 2, 4, 8, 16, 30, 30 s between 8 attempts: about 1.5 minutes before start-up gives up. */
export const DEFAULT_STORE_RETRY: StoreRetryPolicy = { maxAttempts: 8, initialDelayMs: 1000, maxDelayMs: 30_000 };

export interface OpenWithRetryOptions<T> {
  /** Opens the store once; throws StoreUnavailableError when the database cannot be reached. */
  open: () => Promise<T>;
  /** The backend, named in log lines ('sqlite', 'postgres'). */
  what: string;
  logger: Logger;
  policy?: Partial<StoreRetryPolicy> | undefined;
  /** Waits between attempts; tests pass one that records the delay instead of waiting. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** The wait after failed attempt number `attempt` (1-based). */
export function storeRetryDelay(attempt: number, policy: StoreRetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** The error's message and, when it wraps one, its cause's (ECONNREFUSED, ENOTDIR…): the reason in one line. */
export function storeFailureReason(error: unknown): string {
  const message = errorMessage(error);
  const cause = error instanceof Error ? error.cause : undefined;
  const inner = cause === undefined ? '' : errorMessage(cause);
  return (inner && !message.includes(inner) ? `${message}: ${inner}` : message).replace(/\s+/g, ' ').trim();
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Opens the store; while it is unavailable, logs one warning per attempt (with the next delay) and waits.
 * Errors other than StoreUnavailableError (a broken migration, a refused password) fail at once: waiting
 * would not fix them. After the last attempt it throws a StoreUnavailableError naming the reason.
 */
export async function openStoreWithRetry<T>(options: OpenWithRetryOptions<T>): Promise<T> {
  const policy: StoreRetryPolicy = { ...DEFAULT_STORE_RETRY, ...options.policy };
  const sleep = options.sleep ?? realSleep;
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const store = await options.open();
      if (attempt > 1) options.logger.info({ store: options.what, attempt }, 'database reachable: store opened');
      return store;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      const reason = storeFailureReason(error);
      if (attempt >= policy.maxAttempts) {
        throw new StoreUnavailableError(
          `the ${options.what} database is unavailable; gave up after ${attempt} attempts over ${Math.round(waitedMs / 1000)} s: ${reason}`,
          { cause: error },
        );
      }
      const delayMs = storeRetryDelay(attempt, policy);
      options.logger.warn(
        { store: options.what, attempt, maxAttempts: policy.maxAttempts, retryInMs: delayMs, reason },
        `database unavailable (attempt ${attempt} of ${policy.maxAttempts}), retrying in ${Math.round(delayMs / 100) / 10} s: ${reason}`,
      );
      await sleep(delayMs);
      waitedMs += delayMs;
    }
  }
}
