// The feed store contract against SQLite: a real database file in a temp directory, found through feedStoreFor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { feedStoreFor } from '../../src/store/store.js';
import { describeFeedStoreContract } from './feed-store-contract.js';

describeFeedStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-'));
  const store = createSqliteStore({ path: join(dir, 'newsdesk.db') });
  const feeds = feedStoreFor(store);
  if (!feeds) throw new Error('feedStoreFor gave no feed store for SQLite');
  return {
    feeds,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
