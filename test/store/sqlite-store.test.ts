// The store contract against SQLite: a real database file in a temp directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('sqlite', async (clock) => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
  const store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock });
  return {
    store,
    clock,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
