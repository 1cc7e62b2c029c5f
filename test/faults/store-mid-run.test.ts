// The database failing while Newsdesk runs: commands answer "temporarily unavailable", never an apology, and recover.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { freshSchema, PG_TEST_URL, postgresUnavailable } from '../store/postgres.js';
import { startTcpProxy, type TcpProxy } from './helpers.js';

const UNAVAILABLE =
  'Newsdesk is temporarily unavailable (its database is not answering). Please try again in a minute.';
const APOLOGY = /Sorry, something went wrong/;
const COMMANDS = ['/brief nato', '/whosaid alliance', '/quotes Trump', '/topics', '/digest list', '/summary nato'];

const pgSkip = await postgresUnavailable();

describe('database failing mid-run', () => {
  let app: TestApp | undefined;
  let proxy: TcpProxy | undefined;
  let drop: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await app?.close().catch(() => undefined);
    if (app) rmSync(app.root, { recursive: true, force: true });
    await proxy?.close();
    await drop?.();
    app = undefined;
    proxy = undefined;
    drop = undefined;
  });

  it('SQLite with its handle closed: every command answers "temporarily unavailable"', async () => {
    app = await createTestApp();
    expect(await app.ask('/brief nato')).not.toContain(UNAVAILABLE);
    await app.services.store.close();
    for (const line of COMMANDS) {
      expect(await app.ask(line), line).toContain(UNAVAILABLE);
    }
  });

  it.skipIf(pgSkip)(
    'Postgres unreachable (connections cut and refused): unavailable, then answers again when back',
    async () => {
      const schema = await freshSchema('nd_fault');
      drop = schema.drop;
      const target = new URL(PG_TEST_URL);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      app = await createTestApp({ env: { DATABASE_URL: proxy.via(schema.url) } });
      const before = await app.ask('/brief nato');
      expect(before).not.toContain(UNAVAILABLE);
      expect(before).not.toMatch(APOLOGY);
      proxy.down();
      for (const line of COMMANDS) {
        expect(await app.ask(line), line).toContain(UNAVAILABLE);
      }
      proxy.up();
      expect(await app.ask('/brief nato')).toBe(before);
    },
  );

  it.skipIf(pgSkip)(
    'Postgres backends terminated (pg_terminate_backend): at most one answer lost, never an apology',
    async () => {
      const schema = await freshSchema('nd_fault');
      drop = schema.drop;
      const name = `nd_fault_${randomBytes(4).toString('hex')}`;
      const url = new URL(schema.url);
      url.searchParams.set('application_name', name);
      app = await createTestApp({ env: { DATABASE_URL: url.toString() } });
      const before = await app.ask('/brief nato');
      const admin = new pg.Client({ connectionString: PG_TEST_URL });
      await admin.connect();
      const killed = await admin.query<{ n: number }>(
        'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [name],
      );
      await admin.end();
      expect(killed.rows[0]?.n).toBeGreaterThan(0);
      const during = await app.ask('/brief nato');
      expect(during === before || during.includes(UNAVAILABLE), during).toBe(true);
      expect(await app.ask('/brief nato')).toBe(before);
    },
  );
});

if (pgSkip) {
  describe('Postgres mid-run faults', () => {
    it.skip(`skipped: ${pgSkip}`, () => undefined);
  });
}
