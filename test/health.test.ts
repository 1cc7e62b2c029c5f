// GET /healthz (liveness) and GET /readyz (store answers, platforms connected) on a real HTTP port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../src/errors.js';
import { type HealthServer, startHealthServer } from '../src/health.js';
import type { Platform } from '../src/platforms/platform.js';
import type { ArticleStore } from '../src/store/ports.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';

function platform(name: Platform['name'], ready: { value: boolean }): Pick<Platform, 'name' | 'isReady'> {
  return { name, isReady: () => ready.value };
}

async function get(server: HealthServer, path: string, method = 'GET') {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('health server', () => {
  let dir: string;
  let store: Store | undefined;
  let server: HealthServer | undefined;
  const slackReady = { value: true };
  const discordReady = { value: true };
  let accepting = true;
  let current: Pick<ArticleStore, 'ping'> | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-health-'));
    store = createSqliteStore({ path: join(dir, 'newsdesk.db') });
    current = store;
    slackReady.value = true;
    discordReady.value = true;
    accepting = true;
    server = await startHealthServer({
      port: 0,
      host: '127.0.0.1',
      pingTimeoutMs: 200,
      checks: {
        store: () => current,
        platforms: () => [platform('slack', slackReady), platform('discord', discordReady)],
        accepting: () => accepting,
      },
    });
  });
  afterEach(async () => {
    await server?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz with 200 while the process serves, whatever its dependencies say', async () => {
    const s = server as HealthServer;
    expect(await get(s, '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    await store?.close();
    slackReady.value = false;
    expect((await get(s, '/healthz')).status).toBe(200);
  });

  it('answers /readyz with 200 when the store answers and every platform is connected', async () => {
    const res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      ready: true,
      checks: { store: 'ok', slack: 'ok', discord: 'ok' },
      notReady: [],
    });
  });

  it('answers 503 naming the store when its database is closed', async () => {
    await store?.close();
    const res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body?.notReady).toEqual(['store']);
    expect(res.body?.checks).toMatchObject({ store: expect.stringContaining('the database is closed') });
  });

  it('answers 503 naming a disconnected platform', async () => {
    discordReady.value = false;
    const res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body?.notReady).toEqual(['discord']);
    expect(res.body?.checks).toMatchObject({ discord: 'not connected', slack: 'ok', store: 'ok' });
  });

  it('answers 503 while the store is not open yet (start-up retries) and while shutting down', async () => {
    current = undefined;
    let res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body?.checks).toMatchObject({ store: 'not open yet' });
    current = store;
    accepting = false;
    res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body?.notReady).toEqual(['process']);
  });

  it('does not hang on a store that never answers, and shows only its own error text', async () => {
    current = { ping: () => new Promise<void>(() => undefined) };
    let res = await get(server as HealthServer, '/readyz');
    expect(res.status).toBe(503);
    expect(res.body?.checks).toMatchObject({ store: 'no answer within 200 ms' });
    current = {
      ping: async () => {
        throw new Error('connect ECONNREFUSED postgres://u:secretpw@db:5432/x');
      },
    };
    res = await get(server as HealthServer, '/readyz');
    expect(res.body?.checks).toMatchObject({ store: 'ping failed' });
    current = {
      ping: async () => {
        throw new StoreUnavailableError('Postgres store: ping failed');
      },
    };
    res = await get(server as HealthServer, '/readyz');
    expect(res.body?.checks).toMatchObject({ store: 'Postgres store: ping failed' });
  });

  it('answers HEAD like GET without a body, 404 elsewhere and 405 for other methods', async () => {
    const s = server as HealthServer;
    expect(await get(s, '/healthz', 'HEAD')).toEqual({ status: 200, body: undefined });
    expect((await get(s, '/metrics')).status).toBe(404);
    expect((await get(s, '/readyz', 'POST')).status).toBe(405);
  });
});
