// Slack and Discord answering 5xx or 429 for a long (simulated) stretch: digests are retried with backoff, never dropped.
import { LogLevel, webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/clock.js';
import { createDiscordPlatform } from '../../src/platforms/discord/discord-platform.js';
import type { Platform } from '../../src/platforms/platform.js';
import { postMessages } from '../../src/platforms/slack/post-messages.js';
import { renderSlack } from '../../src/reply/render-slack.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import type { Store } from '../../src/store/store.js';
import { subscriptionStoreOf } from '../../src/store/store.js';
import { startFakeDiscord } from '../helpers/fake-discord.js';
import { createFakeSlack } from '../helpers/fake-slack.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { silentLogger, testScheduler } from '../scheduler/helpers.js';
import { type Fault, startHttpFaultProxy } from './helpers.js';

const SLOT = Date.parse('2024-03-29T08:00:00Z');
const MINUTE = 60_000;
/** No in-process retries (see the first test) and no console noise from the Web API client. */
const QUIET = { retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR };

describe('platform outages during digests', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let app: TestApp;
  let store: Store;
  const clock = createManualClock('2024-03-28T12:00:00Z');

  async function setUp(platform: 'slack' | 'discord', channelId: string): Promise<string> {
    clock.set('2024-03-28T12:00:00Z');
    app = await createTestApp({ articleDirs: [], clock });
    cleanups.push(() => app.close());
    const s = subscriptionStoreOf(app.services.store);
    if (!s) throw new Error('store without subscriptions');
    store = s;
    const sub = await createDigestService({ store, clock, timeZone: 'UTC', catalog: () => [] }).subscribe(
      { platform, channelId },
      { schedule: '08:00', userId: 'u' },
    );
    clock.set(SLOT);
    return sub.id;
  }

  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
  });

  /** Ticks at each retry time the scheduler asked for until the slot is final; the outcomes in order. */
  async function tickUntilFinal(scheduler: ReturnType<typeof testScheduler>, subscriptionId: string) {
    const outcomes: string[] = [];
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [result] = await scheduler.tick();
      if (result) outcomes.push(result.outcome);
      const claim = await store.getClaim(subscriptionId, SLOT);
      if (claim?.status !== 'open') break;
      delays.push((claim.nextAttemptAt - clock.now()) / MINUTE);
      clock.set(claim.nextAttemptAt);
    }
    return { outcomes, delays };
  }

  it('Slack answering 500 for two hours: retried with backoff 1, 2, 4 … 30 min, then posted once', async () => {
    const subscriptionId = await setUp('slack', 'C500');
    const fake = await createFakeSlack();
    cleanups.push(() => fake.close());
    const proxy = await startHttpFaultProxy(fake.apiUrl);
    cleanups.push(() => proxy.close());
    proxy.fault = (_method, path): Fault =>
      path.endsWith('/chat.postMessage') && clock.now() < SLOT + 120 * MINUTE
        ? { status: 500, body: { ok: false, error: 'internal_error' } }
        : undefined;
    // The Web API client as the adapter uses it, with its own in-process retries off: the scheduler's durable
    // retries are under test here (the adapter's default client first retries for ~30 real minutes itself).
    const client = new webApi.WebClient('xoxb-outage-token', { ...QUIET, slackApiUrl: proxy.url });
    const slack: Pick<Platform, 'name' | 'post'> = {
      name: 'slack',
      post: (channel, reply) => postMessages(client, channel, renderSlack({ ...reply, ephemeral: false })),
    };
    const { outcomes, delays } = await tickUntilFinal(testScheduler(store, clock, [slack]), subscriptionId);
    expect(outcomes).toEqual([...Array(8).fill('retry'), 'sent']);
    expect(delays).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    expect(proxy.faulted.get(500)).toBe(8);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await store.getClaim(subscriptionId, SLOT)).toMatchObject({ status: 'sent', attempts: 9 });
  });

  it('Slack answering 429 for 20 minutes: retried, then posted once', async () => {
    const subscriptionId = await setUp('slack', 'C429');
    const fake = await createFakeSlack();
    cleanups.push(() => fake.close());
    const proxy = await startHttpFaultProxy(fake.apiUrl);
    cleanups.push(() => proxy.close());
    proxy.fault = (_method, path): Fault =>
      path.endsWith('/chat.postMessage') && clock.now() < SLOT + 20 * MINUTE
        ? { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '0' } }
        : undefined;
    const client = new webApi.WebClient('xoxb-outage-token', { ...QUIET, slackApiUrl: proxy.url });
    const slack: Pick<Platform, 'name' | 'post'> = {
      name: 'slack',
      post: (channel, reply) => postMessages(client, channel, renderSlack({ ...reply, ephemeral: false })),
    };
    const { outcomes, delays } = await tickUntilFinal(testScheduler(store, clock, [slack]), subscriptionId);
    expect(outcomes).toEqual([...Array(5).fill('retry'), 'sent']);
    expect(delays).toEqual([1, 2, 4, 8, 16]);
    expect(proxy.faulted.get(429)).toBe(5);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('Slack refusing the channel for good (is_archived): the subscription is disabled, not retried', async () => {
    const subscriptionId = await setUp('slack', 'CARCH');
    const fake = await createFakeSlack();
    cleanups.push(() => fake.close());
    fake.script('chat.postMessage', { error: 'is_archived' });
    const client = new webApi.WebClient('xoxb-outage-token', { ...QUIET, slackApiUrl: fake.apiUrl });
    const slack: Pick<Platform, 'name' | 'post'> = {
      name: 'slack',
      post: (channel, reply) => postMessages(client, channel, renderSlack({ ...reply, ephemeral: false })),
    };
    const { outcomes } = await tickUntilFinal(testScheduler(store, clock, [slack]), subscriptionId);
    expect(outcomes).toEqual(['disabled']);
    expect((await store.getSubscription('slack', 'CARCH'))?.disabledReason).toMatch(/^is_archived/);
  });

  it('Discord answering 502 for an hour (the real adapter over REST): retried with backoff, then posted once', async () => {
    const subscriptionId = await setUp('discord', '1300000000000000001');
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const proxy = await startHttpFaultProxy(fake.apiUrl);
    cleanups.push(() => proxy.close());
    proxy.fault = (method, path): Fault =>
      method === 'POST' && /\/channels\/\d+\/messages$/.test(path) && clock.now() < SLOT + 60 * MINUTE
        ? { status: 502, body: { message: 'Bad Gateway', code: 0 } }
        : undefined;
    const discord = createDiscordPlatform({
      config: { token: fake.token, apiUrl: proxy.url },
      dispatcher: app.dispatcher,
      services: app.services,
      logger: silentLogger,
    });
    cleanups.push(() => discord.stop());
    const { outcomes, delays } = await tickUntilFinal(testScheduler(store, clock, [discord]), subscriptionId);
    expect(outcomes).toEqual([...Array(6).fill('retry'), 'sent']);
    expect(delays).toEqual([1, 2, 4, 8, 16, 30]);
    // discord.js retries a 5xx three times itself before reporting it: 4 requests per attempt.
    expect(proxy.faulted.get(502)).toBe(6 * 4);
    const delivered = fake.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/messages') && r.status === 200,
    );
    expect(delivered).toHaveLength(1);
  });

  it('Discord rate-limiting the channel 10 times in a row: the post waits its turn and goes out once', async () => {
    const subscriptionId = await setUp('discord', '1300000000000000002');
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    fake.rateLimitChannelPosts(10, 0.01);
    const discord = createDiscordPlatform({
      config: { token: fake.token, apiUrl: fake.apiUrl },
      dispatcher: app.dispatcher,
      services: app.services,
      logger: silentLogger,
    });
    cleanups.push(() => discord.stop());
    const { outcomes } = await tickUntilFinal(testScheduler(store, clock, [discord]), subscriptionId);
    expect(outcomes).toEqual(['sent']);
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));
    expect(posts.filter((r) => r.status === 429)).toHaveLength(10);
    expect(posts.filter((r) => r.status === 200)).toHaveLength(1);
  });

  it('Discord refusing the channel for good (unknown channel): the subscription is disabled, not retried', async () => {
    const subscriptionId = await setUp('discord', '1300000000000000003');
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    fake.failChannel('1300000000000000003', 404, 10003, 'Unknown Channel');
    const discord = createDiscordPlatform({
      config: { token: fake.token, apiUrl: fake.apiUrl },
      dispatcher: app.dispatcher,
      services: app.services,
      logger: silentLogger,
    });
    cleanups.push(() => discord.stop());
    const { outcomes } = await tickUntilFinal(testScheduler(store, clock, [discord]), subscriptionId);
    expect(outcomes).toEqual(['disabled']);
    expect((await store.getSubscription('discord', '1300000000000000003'))?.disabledReason).toMatch(
      /^channel_not_found/,
    );
  });
});
