// SQLite migrations: a database file written by an older schema opens, upgrades, and keeps answering.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/store/migrations.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { fixture } from './fixtures.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/store/sqlite/migrations/', import.meta.url));

/** Builds a database file as a store that knew only migrations up to `version` would have left it. */
function createDatabaseAt(path: string, version: number): Database.Database {
  const db = new Database(path);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const m of readMigrations(MIGRATIONS_DIR).filter((m) => m.version <= version)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      m.version,
      m.name,
      '2026-01-01T00:00:00.000Z',
    );
  }
  return db;
}

describe('sqlite migrations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-migrate-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('upgrades a database whose sentences were indexed by trigger, and finds old and new sentences alike', async () => {
    const path = join(dir, 'newsdesk.db');
    const old = createDatabaseAt(path, 3);
    // An article as the version-3 schema stored it: its sentence reached sentences_fts through sentences_ai.
    const seq = Number(
      old
        .prepare(
          `INSERT INTO articles (id, title, date, source, origin, hash, body, analysis, topics, summary, ingested_at)
           VALUES ('old', 'Old talks', '2024-01-01', 'Wire', 'old.md', 'h-old', 'Drones were discussed.', '{}', '[]', '[]', 1)`,
        )
        .run().lastInsertRowid,
    );
    old
      .prepare(
        "INSERT INTO sentences (article_seq, idx, paragraph, start_offset, end_offset, text) VALUES (?, 0, 1, 0, 22, 'Drones were discussed.')",
      )
      .run(seq);
    old.close();

    const store = createSqliteStore({ path });
    try {
      const triggers = store.db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .all()
        .map((r) => r.name);
      expect(triggers).toEqual(['sentences_ad']);
      const fresh = fixture({ id: 'new', title: 'New talks', date: '2024-02-01', paragraphs: ['More drones today.'] });
      expect(await store.upsertArticles([fresh])).toEqual(['inserted']);
      expect((await store.searchSentences(['drones'], 10)).map((h) => h.articleId)).toEqual(['new', 'old']);
      // Replacing an article takes its old sentences out of the index (the delete trigger stays).
      const replaced = { ...fresh, article: { ...fresh.article, hash: 'h-new-2' } };
      expect(await store.upsertArticles([replaced])).toEqual(['updated']);
      expect((await store.searchSentences(['drones'], 10)).map((h) => h.articleId)).toEqual(['new', 'old']);
      // FTS5's own check against the content table: it throws when the index and the sentences disagree.
      const check = store.db.prepare("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
      expect(() => check.run()).not.toThrow();
    } finally {
      await store.close();
    }
  });
});
