// Ingest: new and changed files are read and stored once; unchanged ones are not analysed again.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.js';

describe('content sync', () => {
  it('stores the seed with its reading, and skips it when unchanged', async () => {
    const app = await createTestApp();
    try {
      const stored = await app.services.store.getArticle('2024-02-13-trump-nato');
      expect(stored?.analysis.paragraphs.length).toBeGreaterThan(10);
      expect(stored?.analysis.sentences.length).toBeGreaterThan(stored?.analysis.paragraphs.length ?? 0);
      expect(stored?.summary.length).toBeGreaterThan(0);
      // The stray related-story headline is not article text.
      expect(stored?.analysis.paragraphs.some((p) => p.text.startsWith('White House responds'))).toBe(false);
      const again = await app.syncContent();
      expect(again).toMatchObject({ inserted: [], updated: [], unchanged: ['2024-02-13-trump-nato'], failed: [] });
    } finally {
      await app.close();
    }
  });

  it('re-reads a changed file and reports bad files while still loading the rest', async () => {
    const app = await createTestApp({
      files: { 'broken.md': '---\ntitle: [\n---\nx', 'short.txt': 'date 2024-06-01\n\nThe port reopened on Monday.' },
    });
    try {
      const file = join(app.config.contentDir, 'articles', 'short.txt');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nShips returned on Tuesday.`);
      const report = await app.syncContent();
      expect(report.updated).toEqual(['short']);
      expect(report.unchanged).toEqual(['2024-02-13-trump-nato']);
      expect(report.failed.map((f) => f.path.endsWith('broken.md'))).toEqual([true]);
      expect((await app.services.store.getArticle('short'))?.body).toContain('Ships returned');
      expect(await app.services.store.countArticles()).toBe(2);
    } finally {
      await app.close();
    }
  });
});
