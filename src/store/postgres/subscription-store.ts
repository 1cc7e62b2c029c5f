// The Postgres half of the subscription store: subscriptions and digest claims on the store's pool.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { ClaimStatus, DigestClaim, Subscription, SubscriptionStore } from '../subscriptions.js';

interface SubscriptionRow {
  id: string;
  platform: string;
  channel_id: string;
  schedule: string;
  time_zone: string;
  topics: string[];
  quiet_when_empty: boolean;
  created_by: string;
  created_at: string;
  last_slot: string | null;
  last_sent_at: string | null;
  covered_until: string;
  disabled_reason: string | null;
  disabled_at: string | null;
}

interface ClaimRow {
  subscription_id: string;
  slot: string;
  status: string;
  holder: string;
  lease_expires_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  kind: string;
  updated_at: string;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    schedule: row.schedule,
    timeZone: row.time_zone,
    topics: row.topics,
    quietWhenEmpty: row.quiet_when_empty,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    lastSlot: num(row.last_slot),
    lastSentAt: num(row.last_sent_at),
    coveredUntil: Number(row.covered_until),
    disabledReason: row.disabled_reason,
    disabledAt: num(row.disabled_at),
  };
}

function toClaim(row: ClaimRow): DigestClaim {
  return {
    subscriptionId: row.subscription_id,
    slot: Number(row.slot),
    status: row.status as ClaimStatus,
    holder: row.holder,
    leaseExpiresAt: Number(row.lease_expires_at),
    attempts: row.attempts,
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    kind: row.kind,
    updatedAt: Number(row.updated_at),
  };
}

/** Subscription methods over a (migrated) Postgres pool; `guard` maps connection failures. */
export function createPostgresSubscriptions(
  pool: pg.Pool,
  guard: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
): SubscriptionStore {
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> =>
    (await pool.query<R>(sql, params)).rows;

  return {
    async upsertSubscription(input, now) {
      return guard('subscribe', async () => {
        const [row] = await rows<SubscriptionRow>(
          `INSERT INTO subscriptions (id, platform, channel_id, schedule, time_zone, topics, quiet_when_empty, created_by,
             created_at, covered_until)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
           ON CONFLICT (platform, channel_id) DO UPDATE SET schedule = excluded.schedule, time_zone = excluded.time_zone,
             topics = excluded.topics, quiet_when_empty = excluded.quiet_when_empty, created_by = excluded.created_by,
             created_at = excluded.created_at, disabled_reason = NULL, disabled_at = NULL
           RETURNING *`,
          [
            randomUUID(),
            input.platform,
            input.channelId,
            input.schedule,
            input.timeZone,
            JSON.stringify(input.topics),
            input.quietWhenEmpty,
            input.createdBy,
            now,
          ],
        );
        if (!row) throw new Error('subscription upsert returned no row');
        return toSubscription(row);
      });
    },
    async getSubscription(platform, channelId) {
      return guard('read', async () => {
        const [row] = await rows<SubscriptionRow>(
          'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2',
          [platform, channelId],
        );
        return row ? toSubscription(row) : undefined;
      });
    },
    async listSubscriptions(filter = {}) {
      return guard('read', async () =>
        (
          await rows<SubscriptionRow>(
            `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel_id = $2)
             ORDER BY created_at, id`,
            [filter.platform ?? null, filter.channelId ?? null],
          )
        ).map(toSubscription),
      );
    },
    async deleteSubscription(platform, channelId) {
      return guard('unsubscribe', async () => {
        const result = await pool.query('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2', [
          platform,
          channelId,
        ]);
        return (result.rowCount ?? 0) > 0;
      });
    },
    async disableSubscription(id, reason, now) {
      await guard('disable', () =>
        pool.query('UPDATE subscriptions SET disabled_reason = $1, disabled_at = $2 WHERE id = $3', [reason, now, id]),
      );
    },
    async claimSlot(request) {
      // One statement: the unique key decides who inserts; the conditional update decides who takes over.
      return guard('claim', async () => {
        const [row] = await rows<ClaimRow>(
          `INSERT INTO digest_claims (subscription_id, slot, status, holder, lease_expires_at, attempts, next_attempt_at,
             last_error, kind, updated_at)
           VALUES ($1, $2, 'open', $3, $4, 1, $5, NULL, $6, $5)
           ON CONFLICT (subscription_id, slot) DO UPDATE SET holder = excluded.holder,
             lease_expires_at = excluded.lease_expires_at, attempts = digest_claims.attempts + 1,
             updated_at = excluded.updated_at
           WHERE digest_claims.status = 'open' AND digest_claims.lease_expires_at <= $5
             AND digest_claims.next_attempt_at <= $5
           RETURNING *`,
          [
            request.subscriptionId,
            request.slot,
            request.holder,
            request.now + request.leaseMs,
            request.now,
            request.kind,
          ],
        );
        return row ? toClaim(row) : null;
      });
    },
    async completeSlot(input) {
      return guard('complete', async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const changed = await client.query(
            `UPDATE digest_claims SET status = $1, lease_expires_at = $2, updated_at = $2
             WHERE subscription_id = $3 AND slot = $4 AND holder = $5 AND status = 'open'`,
            [input.outcome, input.now, input.subscriptionId, input.slot, input.holder],
          );
          if ((changed.rowCount ?? 0) === 0) {
            await client.query('ROLLBACK');
            return false;
          }
          await client.query(
            `UPDATE subscriptions SET last_slot = greatest(coalesce(last_slot, 0), $1),
               last_sent_at = CASE WHEN $2 THEN $3 ELSE last_sent_at END,
               covered_until = greatest(covered_until, coalesce($4, covered_until))
             WHERE id = $5`,
            [input.slot, input.outcome === 'sent', input.now, input.coveredUntil ?? null, input.subscriptionId],
          );
          await client.query('COMMIT');
          return true;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      });
    },
    async renewClaim(input) {
      return guard('renew', async () => {
        const result = await pool.query(
          `UPDATE digest_claims SET lease_expires_at = greatest(lease_expires_at, $1)
           WHERE subscription_id = $2 AND slot = $3 AND holder = $4 AND status = 'open'`,
          [input.leaseExpiresAt, input.subscriptionId, input.slot, input.holder],
        );
        return (result.rowCount ?? 0) > 0;
      });
    },
    async failSlot(input) {
      await guard('fail', () =>
        pool.query(
          `UPDATE digest_claims SET status = $1, lease_expires_at = $2, next_attempt_at = $3, last_error = $4, updated_at = $2
           WHERE subscription_id = $5 AND slot = $6 AND holder = $7 AND status = 'open'`,
          [
            input.retryAt === null ? 'failed' : 'open',
            input.now,
            input.retryAt ?? input.now,
            input.error.slice(0, 500),
            input.subscriptionId,
            input.slot,
            input.holder,
          ],
        ),
      );
    },
    async getClaim(subscriptionId, slot) {
      return guard('read', async () => {
        const [row] = await rows<ClaimRow>('SELECT * FROM digest_claims WHERE subscription_id = $1 AND slot = $2', [
          subscriptionId,
          slot,
        ]);
        return row ? toClaim(row) : undefined;
      });
    },
    async listClaims(subscriptionId, limit) {
      return guard('read', async () =>
        (
          await rows<ClaimRow>('SELECT * FROM digest_claims WHERE subscription_id = $1 ORDER BY slot DESC LIMIT $2', [
            subscriptionId,
            limit,
          ])
        ).map(toClaim),
      );
    },
  };
}
