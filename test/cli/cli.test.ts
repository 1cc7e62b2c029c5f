// The `newsdesk` command line, run as a child process the way a user runs it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/temp-dir.js';
import { REPO_CONTENT, REPO_ROOT } from '../helpers/test-app.js';

const dataDir = useTempDir('newsdesk-cli-');

function run(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/newsdesk.js'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR: REPO_CONTENT, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' },
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
    child.stdin.end(input);
  });
}

describe('newsdesk CLI', () => {
  it('ask answers once and exits 0', async () => {
    const r = await run(['ask', '/brief nato']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Brief: NATO');
    expect(r.stdout).toContain('John Bolton');
  });

  it('ask --json prints the reply model', async () => {
    const r = await run(['ask', '/whosaid putin was a good guy', '--json']);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.stdout) as { blocks: { type: string; speaker?: string }[] };
    expect(reply.blocks.find((b) => b.type === 'quote')?.speaker).toBe('John Kelly');
  });

  it('ask with bad input exits non-zero with a one-line reason', async () => {
    const r = await run(['ask', '/brief']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['newsdesk: /brief: topic is required (Topic, e.g. nato).']);
  });

  it('answers each line of a piped console chat and exits at end of input', async () => {
    const r = await run([], '/brief nato\n/whosaid putin was a good guy\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Brief: NATO');
    expect(r.stdout).toMatch(/^John Kelly/m);
  });

  it('extract --jsonl writes one line per input and an error line for a bad one', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '"We will win," said Jane Smith, the mayor of Springfield.' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 42 }),
    ].join('\n');
    const r = await run(['extract', '--jsonl'], input);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      id: 'a',
      quotes: [{ quote: expect.stringContaining('We will win,'), speaker: 'Jane Smith', cue: 'said' }],
    });
    expect(lines[1]).toMatchObject({ id: null, error: expect.stringMatching(/line 2: not JSON/) });
    expect(lines[2]).toMatchObject({ id: 'c', error: expect.stringMatching(/text/) });
    expect(r.code).toBe(1);
  });

  it('summarize --jsonl --sentences N writes N sentences at most', async () => {
    const text =
      'The council met on Monday. It approved the budget. Residents protested outside. The mayor left early.';
    const r = await run(['summarize', '--jsonl', '--sentences', '2'], `${JSON.stringify({ id: 'x', text })}\n`);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; summary: string[] };
    expect(out.id).toBe('x');
    expect(out.summary.length).toBeGreaterThan(0);
    expect(out.summary.length).toBeLessThanOrEqual(2);
  });

  it('rejects an unknown subcommand with usage', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
