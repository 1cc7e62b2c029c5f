// `newsdesk ingest <file|dir|url>` as a child process against a feed on 127.0.0.1, then `ask` answers from it.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/ingest.js';
import { type FeedServer, startFeedServer } from '../feeds/feed-server.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { REPO_CONTENT, REPO_ROOT } from '../helpers/test-app.js';

const root = useTempDir('newsdesk-ingest-');
const content = join(root, 'content');
let server: FeedServer;

beforeAll(async () => {
  mkdirSync(join(content, 'articles'), { recursive: true });
  cpSync(join(REPO_CONTENT, 'topics.yaml'), join(content, 'topics.yaml'));
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

function run(
  args: string[],
  dataDir = join(root, 'data'),
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/newsdesk.js'), ...args], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        CONTENT_DIR: content,
        SLACK_BOT_TOKEN: '',
        DISCORD_TOKEN: '',
        DATABASE_URL: '',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

describe('newsdesk ingest <feed url>', () => {
  it('stores the feed’s items', async () => {
    const r = await run(['ingest', server.url('/rss.xml')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`feed ${server.url('/rss.xml')} (Harbour Wire): 3 new, 0 updated, 0 unchanged, 0 failed\n`);
  });

  it('adds nothing on a second run', async () => {
    const r = await run(['ingest', server.url('/rss.xml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(': 0 new, 0 updated, 3 unchanged, 0 failed');
  });

  it('lets `ask "/brief taiwan"` answer from the feed’s articles', async () => {
    const r = await run(['ask', '/brief taiwan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Brief: Taiwan');
    expect(r.stdout).toContain('Taiwan chip exports hit a record as new plants…');
    expect(r.stdout).toMatch(/Chen Wei-ting|semiconductor exports/);
  });

  it('reads a single article page by URL', async () => {
    const r = await run(['ingest', server.url('/article.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^page .*\(Taiwan opens a deep-water berth in Taichung\): 1 new/);
  });

  it('exits 1 with the reason when a feed cannot be read', async () => {
    const r = await run(['ingest', server.url('/malformed.xml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/malformed XML at line \d+/);
  });
});

describe('newsdesk ingest <file|dir>', () => {
  it('ingests a folder and a single file, reporting bad files with their reason', async () => {
    const dir = join(root, 'drop');
    mkdirSync(dir, { recursive: true });
    const article = (title: string) =>
      `---\ntitle: ${title}\ndate: 2024-03-01\nsource: Test\n---\nThe harbour of Taichung in Taiwan reopened on Friday, officials said.\n`;
    writeFileSync(join(dir, 'one.md'), article('One'));
    writeFileSync(join(dir, 'two.md'), article('Two'));
    writeFileSync(join(dir, 'bad.md'), 'no date here\n');
    const r = await run(['ingest', dir], join(root, 'data-files'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${dir}: 2 new, 0 updated, 0 unchanged, 1 failed\n`);
    expect(r.stderr).toMatch(/skipped .*bad\.md: no date/);
    writeFileSync(join(dir, 'one.md'), article('One, edited'));
    const again = await run(['ingest', join(dir, 'one.md')], join(root, 'data-files'));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 new, 1 updated');
  });

  it('says what it needs when given nothing', async () => {
    const r = await run(['ingest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingest needs a file, a folder or a URL/);
  });
});

describe('the progress bar', () => {
  const capture = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY });
    let out = '';
    stream.on('data', (d: Buffer) => {
      out += d.toString();
    });
    return { stream, read: () => out };
  };

  it('draws on a terminal when there are many items', () => {
    const { stream, read } = capture(true);
    const bar = createProgress(stream, 'feed');
    for (let i = 1; i <= 20; i++) bar.update(i, 20);
    bar.end();
    expect(read()).toContain('\rfeed [###############...............] 10/20');
    expect(read().endsWith('20/20\n')).toBe(true);
  });

  it('stays quiet on a pipe or for a few items', () => {
    const pipe = capture(false);
    createProgress(pipe.stream, 'feed').update(5, 50);
    const few = capture(true);
    createProgress(few.stream, 'feed').update(1, 3);
    expect(pipe.read() + few.read()).toBe('');
  });
});
