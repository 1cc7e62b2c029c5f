// The feed store contract against real Postgres (a fresh schema per test), found through feedStoreFor.
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { feedStoreFor } from '../../src/store/store.js';
import { describeFeedStoreContract } from './feed-store-contract.js';
import { freshSchema, postgresUnavailable } from './postgres.js';

const unavailable = await postgresUnavailable();
if (unavailable) console.warn(`Skipping Postgres feed store tests: ${unavailable}`);

describe.skipIf(unavailable !== null)(`postgres feeds${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  describeFeedStoreContract('postgres', async () => {
    const schema = await freshSchema();
    const store = await createPostgresStore({ url: schema.url });
    const feeds = feedStoreFor(store);
    if (!feeds) throw new Error('feedStoreFor gave no feed store for Postgres');
    return {
      feeds,
      async dispose() {
        await store.close();
        await schema.drop();
      },
    };
  });

  it('gives each of two feed adds at the same moment its own answer: one added, one exists', async () => {
    const schema = await freshSchema();
    const store = await createPostgresStore({ url: schema.url });
    try {
      const feeds = feedStoreFor(store);
      if (!feeds) throw new Error('no feed store');
      const url = 'https://a.example/feed.xml';
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => feeds.addFeed({ url, intervalSec: 600, now: Date.now() })),
      );
      expect(answers.sort()).toEqual(['added', 'exists', 'exists', 'exists']);
    } finally {
      await store.close();
      await schema.drop();
    }
  });

  it('keeps the newest outcomes when batches are recorded at the same moment', async () => {
    const schema = await freshSchema();
    const store = await createPostgresStore({ url: schema.url });
    try {
      const feeds = feedStoreFor(store);
      if (!feeds) throw new Error('no feed store');
      await Promise.all(
        Array.from({ length: 5 }, (_, b) =>
          feeds.recordOutcomes(
            Array.from({ length: 5_000 }, (_, i) => ({
              at: b * 5_000 + i,
              source: `s${b}`,
              item: `i${i}`,
              outcome: 'ingested' as const,
            })),
          ),
        ),
      );
      expect(await feeds.recentOutcomes(30_000)).toHaveLength(20_000);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
