// SIGTERM during a digest send: stop() lets the send finish (or leaves it to its lease); nothing is sent twice or lost.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWith } from '../../src/cli/start.js';
import { createManualClock } from '../../src/clock.js';
import type { Platform } from '../../src/platforms/platform.js';
import type { Reply } from '../../src/reply/model.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createFakeSlack } from '../helpers/fake-slack.js';
import { REPO_CONTENT } from '../helpers/test-app.js';
import { recordingPlatform, testScheduler } from '../scheduler/helpers.js';
import { memoryStream } from './helpers.js';

const SLOT = Date.parse('2024-03-29T08:00:00Z');

/** A platform whose posts wait until the test lets them through (a slow Slack), recording what was delivered. */
function slowPlatform() {
  const delivered: string[] = [];
  const waiting: (() => void)[] = [];
  let started = 0;
  const platform: Pick<Platform, 'name' | 'post'> = {
    name: 'console',
    post(channelId: string, _reply: Reply) {
      started += 1;
      return new Promise<void>((resolve) => {
        waiting.push(() => {
          delivered.push(channelId);
          resolve();
        });
      });
    },
  };
  return {
    platform,
    delivered,
    started: () => started,
    release: () => {
      for (const w of waiting.splice(0)) w();
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('shutdown during a digest send', () => {
  let dir: string;
  let store: Store;
  const clock = createManualClock('2024-03-28T12:00:00Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-stop-'));
    clock.set('2024-03-28T12:00:00Z');
    store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock });
    await createDigestService({ store, clock, timeZone: 'UTC', catalog: () => [] }).subscribe(
      { platform: 'console', channelId: 'newsroom' },
      { schedule: '08:00', userId: 'u' },
    );
    clock.set(SLOT);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the send in flight, which is marked sent; a second process sends nothing', async () => {
    const slow = slowPlatform();
    const scheduler = testScheduler(store, clock, [slow.platform]);
    const ticking = scheduler.tick();
    await flush();
    expect(slow.started()).toBe(1);
    let stopped = false;
    const stopping = scheduler.stop({ timeoutMs: 5000 }).then((drained) => {
      stopped = true;
      return drained;
    });
    await flush();
    expect(stopped).toBe(false);
    slow.release();
    expect(await stopping).toBe(true);
    expect((await ticking).map((r) => r.outcome)).toEqual(['sent']);
    const sub = await store.getSubscription('console', 'newsroom');
    expect((await store.getClaim(sub?.id ?? '', SLOT))?.status).toBe('sent');
    // The next process (after the restart) must not send it again, even after any lease would have run out.
    const { platform, posts } = recordingPlatform();
    clock.advance(5 * 60_000);
    expect(await testScheduler(store, clock, [platform]).tick()).toEqual([]);
    expect(posts).toHaveLength(0);
    expect(slow.delivered).toEqual(['newsroom']);
  });

  it('gives up waiting after the timeout: the slot is left to its lease and the next process sends it once', async () => {
    const slow = slowPlatform();
    const scheduler = testScheduler(store, clock, [slow.platform], { leaseMs: 60_000 });
    void scheduler.tick();
    await flush();
    expect(await scheduler.stop({ timeoutMs: 50 })).toBe(false);
    // The process exits here: its post never completes. The claim is still open and leased.
    const { platform, posts } = recordingPlatform();
    const next = testScheduler(store, clock, [platform]);
    expect((await next.tick()).map((r) => r.outcome)).toEqual(['claimed-elsewhere']);
    clock.advance(61_000);
    expect((await next.tick()).map((r) => r.outcome)).toEqual(['sent']);
    clock.advance(60_000);
    expect(await next.tick()).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(slow.delivered).toEqual([]);
  });

  it('starts no new send once stopping: what is due is left for the next process', async () => {
    const { platform, posts } = recordingPlatform();
    const scheduler = testScheduler(store, clock, [platform]);
    expect(await scheduler.stop()).toBe(true);
    expect(await scheduler.tick()).toEqual([]);
    const sub = await store.getSubscription('console', 'newsroom');
    expect(await store.getClaim(sub?.id ?? '', SLOT)).toBeUndefined();
    expect((await testScheduler(store, clock, [platform]).tick()).map((r) => r.outcome)).toEqual(['sent']);
    expect(posts).toHaveLength(1);
  });
});

describe('newsdesk start shutting down', () => {
  it('is ready on /readyz once serving; on SIGTERM it stops everything, closes the health port and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-start-'));
    const fake = await createFakeSlack();
    const stderr = memoryStream();
    let signal: (name: string) => void = () => undefined;
    const shutdown = new Promise<string>((resolve) => {
      signal = resolve;
    });
    const env = {
      DATA_DIR: dir,
      CONTENT_DIR: REPO_CONTENT,
      HEALTH_PORT: '0',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-shutdown-test-token',
      SLACK_SIGNING_SECRET: 'shutdown-test-signing-secret',
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: '0',
    };
    try {
      const running = startWith([], { stdin: process.stdin, stdout: memoryStream(), stderr, env }, { shutdown });
      const port = await waitForHealthPort(stderr);
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200);
      signal('SIGTERM');
      expect(await running).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      const messages = stderr.lines().map((l) => (JSON.parse(l) as { msg: string }).msg);
      expect(messages.indexOf('shutting down')).toBeGreaterThan(messages.indexOf('newsdesk ready'));
    } finally {
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function waitForHealthPort(log: ReturnType<typeof memoryStream>): Promise<number> {
  let port = 0;
  await waitFor(() => {
    const line = log.lines().find((l) => l.includes('health server listening'));
    port = line ? (JSON.parse(line) as { port: number }).port : 0;
    return port > 0;
  });
  return port;
}
