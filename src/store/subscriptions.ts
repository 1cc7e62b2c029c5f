// Subscription store port: digest subscriptions per channel, and the claims that make each digest go out once.

/** A channel's digest subscription as stored. */
export interface Subscription {
  id: string;
  /** The platform the channel is on ('console', 'slack', 'discord'). */
  platform: string;
  channelId: string;
  /** A 5-field cron expression, evaluated in `timeZone` ("30 7 * * *" for 07:30 every day). */
  schedule: string;
  /** IANA time zone the schedule is read in. */
  timeZone: string;
  /** Topics the digest is filtered by; empty means every topic. */
  topics: string[];
  /** When nothing is new: post nothing (true) or a short note (false). */
  quietWhenEmpty: boolean;
  createdBy: string;
  /** When it was (re)subscribed, ms since the epoch. */
  createdAt: number;
  /** The last scheduled slot that was handled (sent or skipped as empty), ms since the epoch. */
  lastSlot: number | null;
  /** When a digest was last posted. */
  lastSentAt: number | null;
  /** Articles ingested at or after this instant are new for the next digest. */
  coveredUntil: number;
  /** Why posting was stopped (a gone or forbidden channel); null while active. */
  disabledReason: string | null;
  disabledAt: number | null;
}

export type NewSubscription = Pick<
  Subscription,
  'platform' | 'channelId' | 'schedule' | 'timeZone' | 'topics' | 'quietWhenEmpty' | 'createdBy'
>;

/** open: claimable once its lease has expired and its retry time has come; the others are final. */
export type ClaimStatus = 'open' | 'sent' | 'skipped' | 'failed';

/** One (subscription, scheduled slot): the unique key that makes a digest go out at most once. */
export interface DigestClaim {
  subscriptionId: string;
  /** The scheduled instant this digest is for, ms since the epoch. */
  slot: number;
  status: ClaimStatus;
  /** Who holds (or last held) the lease: a process id chosen by each scheduler. */
  holder: string;
  leaseExpiresAt: number;
  /** How many times it was claimed (1 on the first try). */
  attempts: number;
  /** Not claimable again before this instant (retry backoff). */
  nextAttemptAt: number;
  lastError: string | null;
  /** 'scheduled' or 'catch-up' (sent late, at start-up). */
  kind: string;
  updatedAt: number;
}

export interface ClaimRequest {
  subscriptionId: string;
  slot: number;
  holder: string;
  now: number;
  leaseMs: number;
  kind: string;
}

export interface SubscriptionStore {
  /** Creates the channel's subscription, or replaces its settings (re-enabling it, keeping what was sent). */
  upsertSubscription(input: NewSubscription, now: number): Promise<Subscription>;
  /** The subscription of a channel, if any. */
  getSubscription(platform: string, channelId: string): Promise<Subscription | undefined>;
  /** Subscriptions, oldest first; filtered by platform and channel when given. */
  listSubscriptions(filter?: { platform?: string; channelId?: string }): Promise<Subscription[]>;
  /** Deletes a channel's subscription and its claims; false when there was none. */
  deleteSubscription(platform: string, channelId: string): Promise<boolean>;
  /** Stops posting to a subscription, with the reason /digest list shows. */
  disableSubscription(id: string, reason: string, now: number): Promise<void>;
  /** Claims a slot: inserts it, or takes over an open one whose lease expired and whose retry is due; null if not. */
  claimSlot(request: ClaimRequest): Promise<DigestClaim | null>;
  /** Marks a held slot sent or skipped and moves the subscription on; false if the holder lost the lease to another. */
  completeSlot(input: {
    subscriptionId: string;
    slot: number;
    holder: string;
    now: number;
    outcome: 'sent' | 'skipped';
    /** The new `coveredUntil` of the subscription: articles before it were considered. */
    coveredUntil?: number | undefined;
  }): Promise<boolean>;
  /** Extends a held lease while a send is in flight (a heartbeat); false if the holder lost it. */
  renewClaim(input: { subscriptionId: string; slot: number; holder: string; leaseExpiresAt: number }): Promise<boolean>;
  /** Releases a held slot after a failed send: retried from `retryAt`, or failed for good when it is null. */
  failSlot(input: {
    subscriptionId: string;
    slot: number;
    holder: string;
    now: number;
    error: string;
    retryAt: number | null;
  }): Promise<void>;
  /** One claim, if the slot was ever claimed. */
  getClaim(subscriptionId: string, slot: number): Promise<DigestClaim | undefined>;
  /** A subscription's claims, newest slot first. */
  listClaims(subscriptionId: string, limit: number): Promise<DigestClaim[]>;
}
