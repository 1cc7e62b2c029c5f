// The database failing around a digest send: the slot is never marked sent early, and the digest goes out exactly once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import type { TopicCatalog } from '../../src/nlp/topics.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { recordingPlatform, testScheduler } from '../scheduler/helpers.js';
import { freshSchema, PG_TEST_URL, postgresUnavailable } from '../store/postgres.js';
import { startTcpProxy, type TcpProxy } from './helpers.js';

const pgSkip = await postgresUnavailable();
const CATALOG: TopicCatalog = [{ name: 'NATO', aliases: ['the alliance'] }];
const SLOT = Date.parse('2024-03-29T08:00:00Z');
const channel = { platform: 'console', channelId: 'newsroom' };

describe('digests while the database fails', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  async function postgresBehindProxy(): Promise<{
    store: Store;
    proxy: TcpProxy;
    clock: ReturnType<typeof createManualClock>;
  }> {
    const schema = await freshSchema('nd_fault');
    cleanups.push(schema.drop);
    const target = new URL(PG_TEST_URL);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    const clock = createManualClock('2024-03-28T12:00:00Z');
    const store = await createPostgresStore({ url: proxy.via(schema.url), clock });
    cleanups.push(() => store.close());
    await createDigestService({ store, clock, timeZone: 'UTC', catalog: () => CATALOG }).subscribe(channel, {
      schedule: '08:00',
      userId: 'u',
    });
    return { store, proxy, clock };
  }

  it.skipIf(pgSkip)('down at the slot time: nothing claimed, sent once when the store is back', async () => {
    const { store, proxy, clock } = await postgresBehindProxy();
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    clock.set(SLOT);
    proxy.down();
    expect(await scheduler.tick()).toEqual([]);
    clock.advance(60_000);
    expect(await scheduler.tick()).toEqual([]);
    proxy.up();
    clock.advance(60_000);
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
    clock.advance(60_000);
    expect(await scheduler.tick()).toEqual([]);
    expect(posts).toHaveLength(1);
    const sub = await store.getSubscription('console', 'newsroom');
    expect((await store.getClaim(sub?.id ?? '', SLOT))?.status).toBe('sent');
  });

  it.skipIf(pgSkip)(
    'fails while composing (after the claim): not sent, not marked; sent once after the lease',
    async () => {
      const { store, proxy, clock } = await postgresBehindProxy();
      const { platform, posts } = recordingPlatform();
      let failNext = true;
      const scheduler = testScheduler(store, clock, [platform], {
        // The catalog is read between the claim and the queries that compose the digest: cut the database there.
        catalog: () => {
          if (failNext) proxy.down();
          failNext = false;
          return CATALOG;
        },
      });
      clock.set(SLOT);
      expect(await scheduler.tick()).toEqual([]);
      expect(posts).toHaveLength(0);
      proxy.up();
      const sub = await store.getSubscription('console', 'newsroom');
      const claim = await store.getClaim(sub?.id ?? '', SLOT);
      expect(claim?.status).toBe('open');
      // Still leased to the failed attempt: nobody sends it until the lease runs out.
      expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['claimed-elsewhere']);
      clock.advance(61_000);
      expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
      clock.advance(60_000);
      expect(await scheduler.tick()).toEqual([]);
      expect(posts).toHaveLength(1);
      expect(await store.getClaim(sub?.id ?? '', SLOT)).toMatchObject({ status: 'sent', attempts: 2 });
    },
  );

  it.skipIf(pgSkip)('fails right after the post: recorded when the store is back, never posted twice', async () => {
    const { store, proxy, clock } = await postgresBehindProxy();
    const recorder = recordingPlatform();
    let cut = true;
    const platform = {
      name: recorder.platform.name,
      async post(channelId: string, reply: Parameters<typeof recorder.platform.post>[1]) {
        await recorder.platform.post(channelId, reply);
        if (cut) proxy.down();
        cut = false;
      },
    };
    const scheduler = testScheduler(store, clock, [platform]);
    clock.set(SLOT);
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['unrecorded']);
    clock.advance(120_000); // past the lease: the claim is open again in the store's eyes
    expect(await scheduler.tick()).toEqual([]); // still down
    proxy.up();
    clock.advance(60_000);
    expect(await scheduler.tick()).toEqual([]);
    clock.advance(24 * 3_600_000 - 180_000); // the next day's slot goes out as usual
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
    expect(recorder.posts).toHaveLength(2);
    const sub = await store.getSubscription('console', 'newsroom');
    expect(await store.getClaim(sub?.id ?? '', SLOT)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('SQLite closed mid-digest (process dies): the restarted process sends the slot once, after the lease', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-digest-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'newsdesk.db');
    const clock = createManualClock('2024-03-28T12:00:00Z');
    const first = createSqliteStore({ path, clock });
    await createDigestService({ store: first, clock, timeZone: 'UTC', catalog: () => CATALOG }).subscribe(channel, {
      schedule: '08:00',
      userId: 'u',
    });
    const { platform, posts } = recordingPlatform();
    const dying = testScheduler(first, clock, [platform], {
      catalog: () => {
        void first.close();
        return CATALOG;
      },
    });
    clock.set(SLOT);
    expect(await dying.tick()).toEqual([]);
    expect(posts).toHaveLength(0);
    const second = createSqliteStore({ path, clock });
    cleanups.push(() => second.close());
    const restarted = testScheduler(second, clock, [platform]);
    expect((await restarted.tick()).map((r) => r.outcome)).toEqual(['claimed-elsewhere']);
    clock.advance(61_000);
    expect((await restarted.tick()).map((r) => r.outcome)).toEqual(['sent']);
    clock.advance(60_000);
    expect(await restarted.tick()).toEqual([]);
    expect(posts).toHaveLength(1);
  });
});

if (pgSkip) {
  describe('Postgres digest faults', () => {
    it.skip(`skipped: ${pgSkip}`, () => undefined);
  });
}
