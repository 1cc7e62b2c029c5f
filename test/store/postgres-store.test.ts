// The store contract against real Postgres (a fresh schema per test), plus Postgres-only behaviour.
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { freshSchema, postgresUnavailable } from './postgres.js';
import { describeStoreContract } from './store-contract.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`Skipping Postgres store tests: ${unavailable}`);

describe.skipIf(unavailable !== null)(`postgres${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  describeStoreContract('postgres', async (clock) => {
    const schema = await freshSchema();
    const store = await createPostgresStore({ url: schema.url, clock });
    return {
      store,
      clock,
      async dispose() {
        await store.close();
        await schema.drop();
      },
    };
  });

  it('applies its migrations once when two processes start at the same moment', async () => {
    const schema = await freshSchema();
    try {
      const stores = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ url: schema.url })));
      const versions = await stores[0]?.pool.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(versions?.rows.map((r) => r.version)).toEqual([1, 2, 3]);
      await Promise.all(stores.map((s) => s.close()));
      const again = await createPostgresStore({ url: schema.url });
      expect(await again.countArticles()).toBe(0);
      await again.close();
    } finally {
      await schema.drop();
    }
  });

  it('reports an unreachable server as the store being unavailable', async () => {
    await expect(createPostgresStore({ url: 'postgres://postgres@127.0.0.1:1/test' })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
  });
});
