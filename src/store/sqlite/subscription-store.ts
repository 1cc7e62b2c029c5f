// The SQLite half of the subscription store: subscriptions and digest claims on the store's connection.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ClaimStatus, DigestClaim, Subscription, SubscriptionStore } from '../subscriptions.js';

interface SubscriptionRow {
  id: string;
  platform: string;
  channel_id: string;
  schedule: string;
  time_zone: string;
  topics: string;
  quiet_when_empty: number;
  created_by: string;
  created_at: number;
  last_slot: number | null;
  last_sent_at: number | null;
  covered_until: number;
  disabled_reason: string | null;
  disabled_at: number | null;
}

interface ClaimRow {
  subscription_id: string;
  slot: number;
  status: string;
  holder: string;
  lease_expires_at: number;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  kind: string;
  updated_at: number;
}

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    schedule: row.schedule,
    timeZone: row.time_zone,
    topics: JSON.parse(row.topics) as string[],
    quietWhenEmpty: row.quiet_when_empty === 1,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastSlot: row.last_slot,
    lastSentAt: row.last_sent_at,
    coveredUntil: row.covered_until,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
  };
}

function toClaim(row: ClaimRow): DigestClaim {
  return {
    subscriptionId: row.subscription_id,
    slot: row.slot,
    status: row.status as ClaimStatus,
    holder: row.holder,
    leaseExpiresAt: row.lease_expires_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    kind: row.kind,
    updatedAt: row.updated_at,
  };
}

/** Subscription methods over an open (and migrated) SQLite database. */
export function createSqliteSubscriptions(db: Database.Database): SubscriptionStore {
  const byChannel = db.prepare<[string, string], SubscriptionRow>(
    'SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ?',
  );
  const claimOf = db.prepare<[string, number], ClaimRow>(
    'SELECT * FROM digest_claims WHERE subscription_id = ? AND slot = ?',
  );
  // One statement, so the insert-or-take-over is atomic even across processes sharing the file.
  const claim = db.prepare<
    { sub: string; slot: number; holder: string; now: number; lease: number; kind: string },
    ClaimRow
  >(
    `INSERT INTO digest_claims (subscription_id, slot, status, holder, lease_expires_at, attempts, next_attempt_at, last_error, kind, updated_at)
     VALUES (@sub, @slot, 'open', @holder, @lease, 1, @now, NULL, @kind, @now)
     ON CONFLICT (subscription_id, slot) DO UPDATE SET holder = excluded.holder, lease_expires_at = excluded.lease_expires_at,
       attempts = digest_claims.attempts + 1, updated_at = excluded.updated_at
     WHERE digest_claims.status = 'open' AND digest_claims.lease_expires_at <= @now AND digest_claims.next_attempt_at <= @now
     RETURNING *`,
  );
  const complete = db.transaction((input: Parameters<SubscriptionStore['completeSlot']>[0]): boolean => {
    const changed = db
      .prepare(
        `UPDATE digest_claims SET status = ?, lease_expires_at = ?, updated_at = ?
           WHERE subscription_id = ? AND slot = ? AND holder = ? AND status = 'open'`,
      )
      .run(input.outcome, input.now, input.now, input.subscriptionId, input.slot, input.holder).changes;
    if (changed === 0) return false;
    if (input.outcome === 'sent') {
      db.prepare(
        `UPDATE subscriptions SET last_slot = max(coalesce(last_slot, 0), ?), last_sent_at = ?,
             covered_until = max(covered_until, coalesce(?, covered_until)) WHERE id = ?`,
      ).run(input.slot, input.now, input.coveredUntil ?? null, input.subscriptionId);
    } else {
      db.prepare('UPDATE subscriptions SET last_slot = max(coalesce(last_slot, 0), ?) WHERE id = ?').run(
        input.slot,
        input.subscriptionId,
      );
    }
    return true;
  });

  return {
    async upsertSubscription(input, now) {
      db.prepare(
        `INSERT INTO subscriptions (id, platform, channel_id, schedule, time_zone, topics, quiet_when_empty, created_by,
           created_at, last_slot, last_sent_at, covered_until, disabled_reason, disabled_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL)
         ON CONFLICT (platform, channel_id) DO UPDATE SET schedule = excluded.schedule, time_zone = excluded.time_zone,
           topics = excluded.topics, quiet_when_empty = excluded.quiet_when_empty, created_by = excluded.created_by,
           created_at = excluded.created_at, disabled_reason = NULL, disabled_at = NULL`,
      ).run(
        randomUUID(),
        input.platform,
        input.channelId,
        input.schedule,
        input.timeZone,
        JSON.stringify(input.topics),
        input.quietWhenEmpty ? 1 : 0,
        input.createdBy,
        now,
        now,
      );
      const row = byChannel.get(input.platform, input.channelId);
      if (!row) throw new Error('subscription vanished after upsert');
      return toSubscription(row);
    },
    async getSubscription(platform, channelId) {
      const row = byChannel.get(platform, channelId);
      return row ? toSubscription(row) : undefined;
    },
    async listSubscriptions(filter = {}) {
      return db
        .prepare<[string | null, string | null, string | null, string | null], SubscriptionRow>(
          `SELECT * FROM subscriptions WHERE (? IS NULL OR platform = ?) AND (? IS NULL OR channel_id = ?)
           ORDER BY created_at, id`,
        )
        .all(filter.platform ?? null, filter.platform ?? null, filter.channelId ?? null, filter.channelId ?? null)
        .map(toSubscription);
    },
    async deleteSubscription(platform, channelId) {
      return (
        db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?').run(platform, channelId).changes >
        0
      );
    },
    async disableSubscription(id, reason, now) {
      db.prepare('UPDATE subscriptions SET disabled_reason = ?, disabled_at = ? WHERE id = ?').run(reason, now, id);
    },
    async claimSlot(request) {
      const row = claim.get({
        sub: request.subscriptionId,
        slot: request.slot,
        holder: request.holder,
        now: request.now,
        lease: request.now + request.leaseMs,
        kind: request.kind,
      });
      return row ? toClaim(row) : null;
    },
    async completeSlot(input) {
      return complete(input);
    },
    async renewClaim(input) {
      return (
        db
          .prepare(
            `UPDATE digest_claims SET lease_expires_at = max(lease_expires_at, ?)
             WHERE subscription_id = ? AND slot = ? AND holder = ? AND status = 'open'`,
          )
          .run(input.leaseExpiresAt, input.subscriptionId, input.slot, input.holder).changes > 0
      );
    },
    async failSlot(input) {
      db.prepare(
        `UPDATE digest_claims SET status = ?, lease_expires_at = ?, next_attempt_at = ?, last_error = ?, updated_at = ?
         WHERE subscription_id = ? AND slot = ? AND holder = ? AND status = 'open'`,
      ).run(
        input.retryAt === null ? 'failed' : 'open',
        input.now,
        input.retryAt ?? input.now,
        input.error.slice(0, 500),
        input.now,
        input.subscriptionId,
        input.slot,
        input.holder,
      );
    },
    async getClaim(subscriptionId, slot) {
      const row = claimOf.get(subscriptionId, slot);
      return row ? toClaim(row) : undefined;
    },
    async listClaims(subscriptionId, limit) {
      return db
        .prepare<[string, number], ClaimRow>(
          'SELECT * FROM digest_claims WHERE subscription_id = ? ORDER BY slot DESC LIMIT ?',
        )
        .all(subscriptionId, limit)
        .map(toClaim);
    },
  };
}
