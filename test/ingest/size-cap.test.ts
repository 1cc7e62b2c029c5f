// The article size cap at every entry point: files, feed items, pages, the ingestor itself and the JSONL batch commands.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/article/load.js';
import { contentHash } from '../../src/article/parse.js';
import { MAX_ARTICLE_CHARS } from '../../src/article/schema.js';
import type { CliIo } from '../../src/cli/io.js';
import { mapJsonl } from '../../src/cli/jsonl.js';
import { createItemReader } from '../../src/feeds/read-items.js';
import { feedStoreFor } from '../../src/store/store.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { createTestApp, REPO_ROOT } from '../helpers/test-app.js';

const OVER = MAX_ARTICLE_CHARS + 1;
const LIMIT = new RegExp(`too large \\(${OVER} characters; the limit is ${MAX_ARTICLE_CHARS}\\)`);

/** An article body of exactly `n` characters, in sentences. */
function bodyOf(n: number): string {
  return 'The port reopened on Monday. '.repeat(Math.ceil(n / 29)).slice(0, n);
}

function memoryIo(input: string): { io: CliIo; output: () => string } {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  stdin.end(input);
  return {
    io: { stdin, stdout, stderr: new PassThrough(), env: {} },
    output: () => chunks.join(''),
  };
}

describe('articles over MAX_ARTICLE_CHARS are refused with a reason, never cut', () => {
  const dir = useTempDir();

  it('a file over the cap: refused by loadArticleFile, naming the size and the limit', async () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, `date 2024-01-01\n\n${bodyOf(MAX_ARTICLE_CHARS)}`);
    await expect(loadArticleFile(path)).rejects.toThrow(/too large \(\d+ characters; the limit is 2000000\)/);
  });

  it('the ingestor refuses an over-cap article from any caller, one by one or in a batch', async () => {
    const app = await createTestApp({ articleDirs: [] });
    try {
      const article = (id: string, body: string) => ({
        id,
        title: id,
        date: '2024-01-01',
        source: 'test',
        body,
        hash: contentHash(body),
        origin: `${id}.txt`,
      });
      await expect(app.ingestor.ingest(article('huge', bodyOf(OVER)))).rejects.toThrow(LIMIT);
      await expect(
        app.ingestor.ingestMany([article('ok', bodyOf(200)), article('huge', bodyOf(OVER))]),
      ).rejects.toThrow(LIMIT);
      expect(await app.services.store.getArticle('huge')).toBeUndefined();
      // At exactly the cap the article is read and stored whole.
      expect(await app.ingestor.ingest(article('at-cap', bodyOf(MAX_ARTICLE_CHARS)))).toBe('inserted');
      expect((await app.services.store.getArticle('at-cap'))?.body.length).toBe(MAX_ARTICLE_CHARS);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('a feed item whose text is over the cap fails with the reason; the next item still goes in', async () => {
    const app = await createTestApp({ articleDirs: [] });
    try {
      const feedStore = feedStoreFor(app.services.store);
      if (!feedStore) throw new Error('the SQLite store has no feed store');
      const reader = createItemReader({
        ingestor: () => app.ingestor,
        feedStore,
        fetcher: { fetch: () => Promise.reject(new Error('no network in this test')) },
        clock: { now: () => Date.parse('2024-03-06T12:00:00Z') },
      });
      const feed = { url: 'https://example.com/feed.xml', title: 'Example', baseline: false };
      const big = await reader.readItem(
        { guid: 'big', title: 'Big', link: 'https://example.com/big', content: `<p>${bodyOf(OVER)}</p>` },
        feed,
      );
      expect(big.outcome).toBe('failed');
      expect(big.reason).toMatch(/too large \(\d+ characters; the limit is 2000000\)/);
      const small = await reader.readItem(
        {
          guid: 'small',
          title: 'Small',
          link: 'https://example.com/small',
          content: `<p>${bodyOf(2_000)}</p><p>${bodyOf(2_000)}</p>`,
        },
        feed,
      );
      expect(small.outcome).toBe('ingested');
      const page = await reader.readPage(
        'https://example.com/page',
        `<html><head><title>Big page</title></head><body><article><h1>Big page</h1><p>${bodyOf(OVER)}</p></article></body></html>`,
      );
      expect(page.outcome).toBe('failed');
      expect(page.reason).toMatch(/too large/);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('extract/summarize --jsonl: an over-cap line gets an error line naming its id and the cap; the rest go on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '"We won," Smith said. The port reopened on Monday.' }),
      JSON.stringify({ id: 'huge', text: bodyOf(OVER) }),
      JSON.stringify({ id: 'b', text: 'Kelly said the talks failed.' }),
    ].join('\n');
    const { io, output } = memoryIo(`${input}\n`);
    const counts = await mapJsonl(io, (text) => ({ chars: text.length }));
    expect(counts).toEqual({ ok: 2, failed: 1 });
    const lines = output()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string; chars?: number });
    expect(lines.map((l) => l.id)).toEqual(['a', 'huge', 'b']);
    expect(lines[1]?.error).toMatch(/id huge: text too large \(2000001 characters; the limit is 2000000\)/);
    expect(lines[1]?.chars).toBeUndefined();
  });

  it('newsdesk summarize --jsonl (the real CLI) refuses the over-cap line and exits 1', async () => {
    const input = `${JSON.stringify({ id: 'huge', text: bodyOf(OVER) })}\n${JSON.stringify({ id: 'ok', text: 'The port reopened on Monday after a long strike.' })}\n`;
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/newsdesk.js'), 'summarize', '--jsonl'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dir },
      });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
      child.stdin.end(input);
    });
    expect(result.code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; error?: string; summary?: string[] });
    expect(lines[0]).toMatchObject({ id: 'huge', error: expect.stringMatching(/the limit is 2000000/) });
    expect(lines[1]?.summary?.length).toBeGreaterThan(0);
  }, 60_000);
});
