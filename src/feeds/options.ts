// Feed polling defaults: intervals, limits and the User-Agent that names Newsdesk to the sites it reads.

/** Where a site owner can read what Newsdesk is; set this to the public repository URL when there is one. */
export const NEWSDESK_INFO_URL = 'https://github.com/newsdesk/newsdesk#readme';

export const USER_AGENT = `Newsdesk/0.1 (news-briefing bot; +${NEWSDESK_INFO_URL})`;

export interface FeedLimits {
  /** Give up on one request after this long (connect, headers and body together). */
  timeoutMs: number;
  /** Refuse bodies larger than this (checked on Content-Length and while streaming). */
  maxBytes: number;
  /** Wait this long between two requests to the same host. */
  hostGapMs: number;
}

export const DEFAULT_LIMITS: FeedLimits = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, hostGapMs: 1_000 };

/** Default minutes between two polls of one feed; `/sources add <url> every:N` sets another. */
export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;

/** A feed that fails this many polls in a row is disabled with the last reason. */
export const MAX_CONSECUTIVE_FAILURES = 5;

/** Backoff after a failure: the interval doubles per failure, capped here. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/**
 * A single paragraph shorter than this, any text under half of it, or text ending in "…" / "Read more"
 * is a teaser: the linked page is read instead.
 */
export const TEASER_CHARS = 600;
