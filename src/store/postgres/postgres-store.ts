// The Postgres store: not built yet (issue 7). Choosing it fails at start with a clear reason.
import type { Clock } from '../../clock.js';
import { ConfigError } from '../../errors.js';
import type { ArticleStore } from '../ports.js';

export async function createPostgresStore(_options: { url: string; clock?: Clock }): Promise<ArticleStore> {
  throw new ConfigError(['DATABASE_URL: the Postgres store is not available in this version; unset it to use SQLite']);
}
