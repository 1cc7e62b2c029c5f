// Real Postgres for tests: is a server reachable, and a fresh schema per store (dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server tests use: NEWSDESK_TEST_DATABASE_URL, or the local one CI starts. */
export const PG_TEST_URL = process.env.NEWSDESK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why Postgres tests cannot run here, or null when a server answers. */
export async function postgresUnavailable(url = PG_TEST_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `no Postgres server at ${url.replace(/:[^:@/]+@/, ':***@')} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A URL whose connections use a new, empty schema; drop() removes it and everything in it. */
export async function freshSchema(prefix = 'nd_test'): Promise<{ url: string; schema: string; drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const u = new URL(PG_TEST_URL);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    schema,
    async drop() {
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
