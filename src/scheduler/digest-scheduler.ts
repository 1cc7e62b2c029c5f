// Digest scheduler: node-cron ticks in each subscription's time zone; each slot claimed in the store, sent once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createTask, type ScheduledTask } from 'node-cron';
import { type ComposeDigestOptions, composeDigest, renderDigest } from '../briefing/digest.js';
import type { Clock } from '../clock.js';
import { ChannelError, errorMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { TopicCatalog } from '../nlp/topics.js';
import type { Platform } from '../platforms/platform.js';
import type { Store } from '../store/store.js';
import type { Subscription } from '../store/subscriptions.js';
import { formatSlot, previousSlot } from './slots.js';

export interface DigestSchedulerOptions {
  store: Store;
  /** The curated topics, read at send time so a reloaded catalog is used. */
  catalog: () => TopicCatalog;
  /** Where digests are posted: a subscription is served only by a scheduler that has its platform. */
  platforms: readonly Pick<Platform, 'name' | 'post'>[];
  clock: Clock;
  logger: Logger;
  /** Slots missed by more than this are not sent (DIGEST_CATCHUP_HOURS). */
  catchupHours: number;
  /** Identifies this process in claims; unique per process by default. */
  holderId?: string;
  /** How long a claim is held without a heartbeat before another process may take it over. */
  leaseMs?: number;
  /** Sends tried per slot before it is given up (10 by default: about 2.5 hours of backoff). */
  maxAttempts?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
  /** Run node-cron tasks (true in production; tests drive `tick()` with a manual clock). */
  cron?: boolean;
  /** How long stop() waits for sends in flight before leaving them to their leases (20 s by default). */
  drainTimeoutMs?: number;
  /** Of these article ids, the feed baseline ones that digests leave out (the feed store's). */
  quietArticleIds?: ComposeDigestOptions['quietArticleIds'];
}

/** `unrecorded`: posted, but the store failed before the slot was marked sent; it is recorded later, never resent. */
export type SlotOutcome = 'sent' | 'empty' | 'claimed-elsewhere' | 'retry' | 'failed' | 'disabled' | 'unrecorded';

export interface TickResult {
  subscriptionId: string;
  slot: number;
  outcome: SlotOutcome;
  error?: string;
}

export interface DigestScheduler {
  /** This process's claim holder id. */
  readonly holderId: string;
  /** Sends what is due now (the start-up catch-up), then starts the node-cron tasks. */
  start(): Promise<void>;
  /**
   * Stops the tasks, starts no new sends, and waits for sends in flight up to `timeoutMs` (drainTimeoutMs):
   * true when they all finished; a send still running is left to its lease, which another process takes over.
   */
  stop(options?: { timeoutMs?: number }): Promise<boolean>;
  /** Handles every subscription once at the clock's time: what each did. */
  tick(): Promise<TickResult[]>;
  /** Re-reads the subscriptions and (re)creates their node-cron tasks. */
  refresh(): Promise<void>;
}

/** One minute, doubling, at most 30 minutes. */
export function defaultBackoff(attempt: number): number {
  return Math.min(30 * 60_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}

/** A slot sent more than this after its time is labelled a catch-up. */
const LATE_MS = 2 * 60_000;

export function createDigestScheduler(options: DigestSchedulerOptions): DigestScheduler {
  const { store, clock, logger } = options;
  const holderId = options.holderId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const drainTimeoutMs = options.drainTimeoutMs ?? 20_000;
  const backoff = options.backoffMs ?? defaultBackoff;
  const catchupMs = options.catchupHours * 3_600_000;
  const platforms = new Map(options.platforms.map((p) => [p.name as string, p]));
  const inFlight = new Map<string, Promise<TickResult | null>>();
  const tasks = new Map<string, { key: string; task: ScheduledTask }>();
  let sweep: ScheduledTask | undefined;
  let stopped = false;
  /** Slots posted whose completion the store refused (it was down): recorded on a later tick, never posted again. */
  const unrecorded = new Map<
    string,
    { subscriptionId: string; slot: number; outcome: 'sent' | 'skipped'; coveredUntil: number }
  >();
  const slotKey = (subscriptionId: string, slot: number) => `${subscriptionId}@${slot}`;

  /** Records posted-but-unrecorded slots once the store answers again; what still fails stays for the next tick. */
  async function recordUnrecorded(): Promise<void> {
    for (const [key, entry] of unrecorded) {
      try {
        const done = await store.completeSlot({ ...entry, holder: holderId, now: clock.now() });
        unrecorded.delete(key);
        if (!done)
          logger.warn(
            { subscription: entry.subscriptionId, slot: entry.slot },
            'digest lease was lost before it was recorded',
          );
        else
          logger.info(
            { subscription: entry.subscriptionId, slot: entry.slot },
            'digest recorded after the store came back',
          );
      } catch (err) {
        logger.warn(
          { err, subscription: entry.subscriptionId, slot: entry.slot },
          'digest still not recorded: store unavailable',
        );
      }
    }
  }

  async function send(sub: Subscription, now: number): Promise<TickResult | null> {
    if (sub.disabledReason) return null;
    const platform = platforms.get(sub.platform);
    if (!platform) return null;
    const slot = previousSlot(sub.schedule, sub.timeZone, now);
    if (slot === null || slot < sub.createdAt) return null;
    if (sub.lastSlot !== null && slot <= sub.lastSlot) return null;
    if (now - slot > catchupMs) return null;
    // Already posted; only its record is missing (the store was down): never post it again.
    if (unrecorded.has(slotKey(sub.id, slot))) return { subscriptionId: sub.id, slot, outcome: 'unrecorded' };
    const late = now - slot > LATE_MS;
    const claim = await store.claimSlot({
      subscriptionId: sub.id,
      slot,
      holder: holderId,
      now,
      leaseMs,
      kind: late ? 'catch-up' : 'scheduled',
    });
    if (!claim) return { subscriptionId: sub.id, slot, outcome: 'claimed-elsewhere' };
    // The heartbeat keeps the lease while this process is alive; a crash lets it expire.
    const heartbeat = setInterval(
      () => {
        void store
          .renewClaim({ subscriptionId: sub.id, slot, holder: holderId, leaseExpiresAt: clock.now() + leaseMs })
          .catch((err: unknown) => logger.warn({ err, subscription: sub.id }, 'digest lease renewal failed'));
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    let posted: { outcome: 'sent' | 'skipped'; coveredUntil: number } | undefined;
    try {
      // Re-read after claiming: another process may have sent the previous slot and moved the cursor.
      const fresh = (await store.getSubscription(sub.platform, sub.channelId)) ?? sub;
      const digest = await composeDigest({
        store,
        catalog: options.catalog(),
        topics: fresh.topics,
        since: fresh.coveredUntil,
        at: slot,
        timeZone: fresh.timeZone,
        quietArticleIds: options.quietArticleIds,
      });
      const catchUp = late
        ? `Catch-up: the digest due ${formatSlot(slot, fresh.timeZone)}, sent late because Newsdesk was not running.`
        : undefined;
      const reply = renderDigest(digest, { quietWhenEmpty: fresh.quietWhenEmpty, catchUp });
      if (reply) await platform.post(fresh.channelId, reply);
      posted = { outcome: reply ? 'sent' : 'skipped', coveredUntil: digest.coveredUntil };
      const done = await store.completeSlot({
        subscriptionId: sub.id,
        slot,
        holder: holderId,
        now: clock.now(),
        outcome: reply ? 'sent' : 'skipped',
        coveredUntil: digest.coveredUntil,
      });
      if (!done) logger.warn({ subscription: sub.id, slot }, 'digest lease was lost during the send');
      logger.info(
        { subscription: sub.id, platform: sub.platform, channel: sub.channelId, slot, attempt: claim.attempts },
        reply ? 'digest sent' : 'digest skipped: nothing new',
      );
      return { subscriptionId: sub.id, slot, outcome: reply ? 'sent' : 'empty' };
    } catch (error) {
      const at = clock.now();
      const message = errorMessage(error);
      if (posted) {
        // The digest went out but the store did not take the record: keep it here so it is recorded, not resent.
        unrecorded.set(slotKey(sub.id, slot), { subscriptionId: sub.id, slot, ...posted });
        logger.error(
          { err: error, subscription: sub.id, slot },
          'digest posted but not recorded (store unavailable): will record it when the store is back',
        );
        return { subscriptionId: sub.id, slot, outcome: 'unrecorded', error: message };
      }
      if (error instanceof ChannelError && error.permanent) {
        const reason = `${error.reason}: ${message}`;
        await store.failSlot({
          subscriptionId: sub.id,
          slot,
          holder: holderId,
          now: at,
          error: message,
          retryAt: null,
        });
        await store.disableSubscription(sub.id, reason, at);
        logger.warn({ subscription: sub.id, channel: sub.channelId, reason }, 'digest channel refused: disabled');
        return { subscriptionId: sub.id, slot, outcome: 'disabled', error: message };
      }
      const retryAt = at + backoff(claim.attempts);
      const giveUp = claim.attempts >= maxAttempts || retryAt - slot > catchupMs;
      await store.failSlot({
        subscriptionId: sub.id,
        slot,
        holder: holderId,
        now: at,
        error: message,
        retryAt: giveUp ? null : retryAt,
      });
      logger.warn(
        { err: error, subscription: sub.id, slot, attempt: claim.attempts, retryAt: giveUp ? null : retryAt },
        giveUp ? 'digest send failed: giving up on this slot' : 'digest send failed: will retry',
      );
      return { subscriptionId: sub.id, slot, outcome: giveUp ? 'failed' : 'retry', error: message };
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** One send per subscription at a time in this process; a failure is reported, never thrown. */
  function handle(sub: Subscription): Promise<TickResult | null> {
    const running = inFlight.get(sub.id);
    if (running) return running;
    // Shutting down: nothing new starts; what is due is sent by the next process (or its start-up catch-up).
    if (stopped) return Promise.resolve(null);
    const p = send(sub, clock.now())
      .catch((err: unknown): TickResult | null => {
        logger.error({ err, subscription: sub.id }, 'digest scheduling failed');
        return null;
      })
      .finally(() => inFlight.delete(sub.id));
    inFlight.set(sub.id, p);
    return p;
  }

  async function tick(): Promise<TickResult[]> {
    if (unrecorded.size > 0) await recordUnrecorded();
    let subs: Subscription[];
    try {
      subs = await store.listSubscriptions();
    } catch (err) {
      // The store is down: nothing is claimed, so nothing is lost; the next tick (the sweep, each minute) tries again.
      logger.warn({ err }, 'digest tick skipped: store unavailable');
      return [];
    }
    // Every channel on its own: a slow or failing one never holds up the others.
    const results = await Promise.all(subs.map((s) => handle(s)));
    return results.filter((r): r is TickResult => r !== null);
  }

  async function refresh(): Promise<void> {
    if (stopped || options.cron === false) return;
    const subs = (await store.listSubscriptions()).filter((s) => !s.disabledReason && platforms.has(s.platform));
    const keep = new Set<string>();
    for (const sub of subs) {
      const key = `${sub.schedule}|${sub.timeZone}`;
      keep.add(sub.id);
      const existing = tasks.get(sub.id);
      if (existing?.key === key) continue;
      if (existing) await existing.task.destroy();
      const task = createTask(
        sub.schedule,
        async () => {
          const current = await store.getSubscription(sub.platform, sub.channelId);
          if (current) await handle(current);
        },
        { timezone: sub.timeZone, name: `digest:${sub.id}`, noOverlap: true },
      );
      await task.start();
      tasks.set(sub.id, { key, task });
    }
    for (const [id, entry] of tasks) {
      if (keep.has(id)) continue;
      await entry.task.destroy();
      tasks.delete(id);
    }
  }

  return {
    holderId,
    async start() {
      stopped = false;
      await tick();
      if (options.cron === false) return;
      await refresh();
      // The sweep: retries after backoff, leases of crashed senders, subscriptions made by other replicas,
      // and slots node-cron cannot fire (a time skipped by a daylight-saving jump).
      sweep = createTask(
        '* * * * *',
        async () => {
          await refresh().catch((err: unknown) => logger.error({ err }, 'digest task refresh failed'));
          await tick();
        },
        { name: 'digest:sweep', noOverlap: true },
      );
      await sweep.start();
    },
    async stop(stopOptions = {}) {
      stopped = true;
      if (sweep) await sweep.destroy();
      sweep = undefined;
      for (const { task } of tasks.values()) await task.destroy();
      tasks.clear();
      const pending = [...inFlight.values()];
      if (pending.length === 0) return true;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), stopOptions.timeoutMs ?? drainTimeoutMs);
      });
      const drained = await Promise.race([Promise.all(pending).then(() => true as const), timedOut]);
      clearTimeout(timer);
      if (!drained) {
        logger.warn({ inFlight: inFlight.size }, 'digest sends still running at shutdown: left to their leases');
      }
      if (unrecorded.size > 0) await recordUnrecorded();
      return drained;
    },
    tick,
    refresh,
  };
}
