// The digest scheduler on SQLite with a manual clock: time zones, DST, catch-up, empty digests, failures, leases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { ChannelError } from '../../src/errors.js';
import { createDigestService, type Digests } from '../../src/scheduler/digest-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { sampleArticles } from '../store/fixtures.js';
import { type ManualClock, recordingPlatform, testScheduler } from './helpers.js';

const console_ = { platform: 'console', channelId: 'console' };

describe('digest scheduler', () => {
  let dir: string;
  let store: Store;
  let clock: ManualClock;
  let digests: Digests;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-digests-'));
    clock = createManualClock('2024-03-28T12:00:00Z');
    store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock });
    digests = createDigestService({
      store,
      clock,
      timeZone: 'UTC',
      catalog: () => [{ name: 'NATO', aliases: ['the alliance'] }],
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function ingestSamples() {
    for (const { article, analysis } of sampleArticles()) await store.upsertArticle(article, analysis);
  }

  it('sends each slot once, at 08:00 in the subscription time zone, across the spring DST change', async () => {
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    await digests.subscribe(console_, { schedule: '08:00', timeZone: 'Europe/Paris', userId: 'u' });
    clock.set('2024-03-29T06:59:59Z');
    expect(await scheduler.tick()).toEqual([]);
    clock.set('2024-03-29T07:00:00Z'); // 08:00 CET
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
    clock.set('2024-03-29T07:05:00Z');
    expect(await scheduler.tick()).toEqual([]);
    clock.set('2024-03-30T07:00:00Z');
    await scheduler.tick();
    clock.set('2024-03-31T05:59:00Z'); // 07:59 CEST: not yet
    expect(await scheduler.tick()).toEqual([]);
    clock.set('2024-03-31T06:00:00Z'); // 08:00 CEST, 23 hours after the last one
    await scheduler.tick();
    clock.set('2024-03-31T07:00:00Z');
    await scheduler.tick();
    expect(posts).toHaveLength(3);
    expect(posts.map((p) => p.text.split('\n')[0])).toEqual([
      'Newsdesk digest: Friday, 29 March 2024',
      'Newsdesk digest: Saturday, 30 March 2024',
      'Newsdesk digest: Sunday, 31 March 2024',
    ]);
  });

  it('keeps subscriptions in different time zones on their own local times', async () => {
    const { platform, posts } = recordingPlatform('slack');
    const scheduler = testScheduler(store, clock, [platform]);
    await digests.subscribe(
      { platform: 'slack', channelId: 'PARIS' },
      { schedule: '08:00', timeZone: 'Europe/Paris', userId: 'u' },
    );
    await digests.subscribe(
      { platform: 'slack', channelId: 'NYC' },
      { schedule: '08:00', timeZone: 'America/New_York', userId: 'u' },
    );
    await digests.subscribe({ platform: 'slack', channelId: 'UTC' }, { schedule: '08:00', userId: 'u' });
    const order: string[] = [];
    for (let t = Date.parse('2024-03-29T00:00:00Z'); t <= Date.parse('2024-03-29T23:59:00Z'); t += 60_000) {
      clock.set(t);
      for (const r of await scheduler.tick())
        if (r.outcome === 'sent') order.push(`${new Date(t).toISOString().slice(11, 16)}`);
    }
    expect(order).toEqual(['07:00', '08:00', '12:00']);
    expect(posts.map((p) => p.channelId)).toEqual(['PARIS', 'UTC', 'NYC']);
  });

  it('does not send a slot from before the subscription', async () => {
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    clock.set('2024-03-29T08:30:00Z');
    await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    await scheduler.tick();
    expect(posts).toHaveLength(0);
  });

  it('holds the articles ingested since the last digest, filtered by topics, with summary, quote, source and link', async () => {
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    await digests.subscribe(console_, { schedule: '08:00', topics: ['nato'], userId: 'u' });
    clock.set('2024-03-28T20:00:00Z');
    await ingestSamples();
    clock.set('2024-03-29T08:00:00Z');
    await scheduler.tick();
    const first = posts[0]?.text ?? '';
    expect(first).toContain('2 new articles on nato.');
    expect(first).toContain('Spending row splits NATO members (Test Wire)');
    expect(first).toContain('Alliance leaders meet at the summit (Test Wire, https://example.test/summit)');
    expect(first).toContain('NATO leaders gathered in Vilnius');
    expect(first).toContain('“The alliance stands united against any aggression today”');
    expect(first).toContain('— Jens Stoltenberg, secretary general');
    expect(first).not.toContain('Grain exports');
    // The next digest starts where this one ended: nothing new, a short note.
    clock.set('2024-03-30T08:00:00Z');
    await scheduler.tick();
    expect(posts[1]?.text).toContain('Nothing new since the last digest.');
  });

  it('posts nothing when nothing is new and the subscription asked for silence', async () => {
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    const sub = await digests.subscribe(console_, { schedule: '08:00', quietWhenEmpty: true, userId: 'u' });
    clock.set('2024-03-29T08:00:00Z');
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['empty']);
    expect(posts).toHaveLength(0);
    expect((await store.getClaim(sub.id, clock.now()))?.status).toBe('skipped');
    expect(await scheduler.tick()).toEqual([]);
  });

  it('sends one catch-up digest for slots missed while down, within the window, never a burst', async () => {
    const { platform, posts } = recordingPlatform();
    await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    clock.set('2024-03-29T08:00:00Z');
    await testScheduler(store, clock, [platform]).tick();
    // Down from the 29th to the 31st at 11:00: the 30th and 31st 08:00 were missed; the newest is 3 hours old.
    clock.set('2024-03-31T11:00:00Z');
    const restarted = testScheduler(store, clock, [platform]);
    await restarted.start();
    await restarted.tick();
    expect(posts).toHaveLength(2);
    expect(posts[1]?.text).toContain('Newsdesk digest: Sunday, 31 March 2024');
    expect(posts[1]?.text).toContain('Catch-up: the digest due Sun, 31 Mar 2024, 08:00 (UTC)');
    expect((await store.getSubscription('console', 'console'))?.lastSlot).toBe(Date.parse('2024-03-31T08:00:00Z'));
    await restarted.stop();
  });

  it('skips a missed slot older than the catch-up window', async () => {
    const { platform, posts } = recordingPlatform();
    await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    clock.set('2024-03-29T14:00:01Z');
    await testScheduler(store, clock, [platform]).tick();
    expect(posts).toHaveLength(0);
  });

  it('disables a gone channel with a reason and still serves the others', async () => {
    const { platform, posts, fail } = recordingPlatform('slack');
    const scheduler = testScheduler(store, clock, [platform]);
    await digests.subscribe({ platform: 'slack', channelId: 'GONE' }, { schedule: '08:00', userId: 'u' });
    await digests.subscribe({ platform: 'slack', channelId: 'OK' }, { schedule: '08:00', userId: 'u' });
    fail.set('GONE', () => new ChannelError('channel_not_found', 'Slack says channel_not_found'));
    clock.set('2024-03-29T08:00:00Z');
    const results = await scheduler.tick();
    expect(results.map((r) => r.outcome).sort()).toEqual(['disabled', 'sent']);
    expect(posts.map((p) => p.channelId)).toEqual(['OK']);
    const [gone] = await digests.list({ platform: 'slack', channelId: 'GONE' });
    expect(gone?.disabledReason).toBe('channel_not_found: Slack says channel_not_found');
    expect(gone?.nextRun).toBeNull();
    clock.set('2024-03-30T08:00:00Z');
    await scheduler.tick();
    expect(posts.map((p) => p.channelId)).toEqual(['OK', 'OK']);
  });

  it('does not hold the other channels while one channel hangs', async () => {
    const { platform, posts } = recordingPlatform('slack');
    let release: () => void = () => undefined;
    const hanging: typeof platform = {
      name: 'slack',
      post: (channelId, reply) =>
        channelId === 'SLOW' ? new Promise<void>((resolve) => (release = resolve)) : platform.post(channelId, reply),
    };
    const scheduler = testScheduler(store, clock, [hanging]);
    await digests.subscribe({ platform: 'slack', channelId: 'SLOW' }, { schedule: '08:00', userId: 'u' });
    await digests.subscribe({ platform: 'slack', channelId: 'FAST' }, { schedule: '08:00', userId: 'u' });
    clock.set('2024-03-29T08:00:00Z');
    const tick = scheduler.tick();
    await new Promise((r) => setTimeout(r, 50));
    expect(posts.map((p) => p.channelId)).toEqual(['FAST']);
    release();
    await tick;
  });

  it('retries a failed send with backoff, then sends it once', async () => {
    const { platform, posts, fail } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    const sub = await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    fail.set('console', () => new ChannelError('other', 'rate limited'));
    clock.set('2024-03-29T08:00:00Z');
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['retry']);
    fail.clear();
    clock.advance(30_000);
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['claimed-elsewhere']);
    clock.advance(30_000); // one minute after the failure: the first retry
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['sent']);
    expect(posts).toHaveLength(1);
    expect((await store.getClaim(sub.id, Date.parse('2024-03-29T08:00:00Z')))?.attempts).toBe(2);
  });

  it('gives up on a slot after the last attempt', async () => {
    const { platform, posts, fail } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform], { maxAttempts: 2 });
    const sub = await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    fail.set('console', () => new Error('socket hang up'));
    clock.set('2024-03-29T08:00:00Z');
    await scheduler.tick();
    clock.advance(60_000);
    expect((await scheduler.tick()).map((r) => r.outcome)).toEqual(['failed']);
    fail.clear();
    clock.advance(3_600_000);
    await scheduler.tick();
    expect(posts).toHaveLength(0);
    expect((await store.getClaim(sub.id, Date.parse('2024-03-29T08:00:00Z')))?.status).toBe('failed');
  });

  it('lets another sender take over a slot after the lease of a sender that crashed mid-send', async () => {
    const { platform, posts } = recordingPlatform();
    const sub = await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    clock.set('2024-03-29T08:00:00Z');
    const slot = clock.now();
    // The crashed process claimed the slot and died before posting or completing.
    await store.claimSlot({
      subscriptionId: sub.id,
      slot,
      holder: 'crashed',
      now: slot,
      leaseMs: 60_000,
      kind: 'scheduled',
    });
    const survivor = testScheduler(store, clock, [platform], { leaseMs: 60_000 });
    clock.advance(30_000);
    expect((await survivor.tick()).map((r) => r.outcome)).toEqual(['claimed-elsewhere']);
    clock.advance(30_000);
    expect((await survivor.tick()).map((r) => r.outcome)).toEqual(['sent']);
    expect(posts).toHaveLength(1);
    expect(await store.getClaim(sub.id, slot)).toMatchObject({
      status: 'sent',
      holder: survivor.holderId,
      attempts: 2,
    });
  });

  it('only serves subscriptions of the platforms it has', async () => {
    const { platform, posts } = recordingPlatform('discord');
    const scheduler = testScheduler(store, clock, [platform]);
    const sub = await digests.subscribe(console_, { schedule: '08:00', userId: 'u' });
    clock.set('2024-03-29T08:00:00Z');
    expect(await scheduler.tick()).toEqual([]);
    expect(posts).toHaveLength(0);
    expect(await store.getClaim(sub.id, clock.now())).toBeUndefined();
  });
});
