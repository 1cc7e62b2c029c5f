// A real `node bin/newsdesk.js start` process (Slack against the fake): SIGTERM shuts it down in order and exits 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeSlack } from '../helpers/fake-slack.js';
import { REPO_CONTENT, REPO_ROOT } from '../helpers/test-app.js';

describe('newsdesk start process', () => {
  it('on SIGTERM: /readyz was 200, then it logs the shutdown, closes the health port and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-sigterm-'));
    const fake = await createFakeSlack();
    const child = spawn(process.execPath, ['bin/newsdesk.js', 'start'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH,
        DATA_DIR: dir,
        CONTENT_DIR: REPO_CONTENT,
        HEALTH_PORT: '0',
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-sigterm-test-token',
        SLACK_SIGNING_SECRET: 'sigterm-test-signing-secret',
        SLACK_API_URL: fake.apiUrl,
        SLACK_PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 15_000;
      while (!stderr.includes('newsdesk ready')) {
        if (Date.now() > deadline) throw new Error(`not ready in time:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const line = stderr.split('\n').find((l) => l.includes('health server listening')) ?? '{}';
      const port = (JSON.parse(line) as { port?: number }).port ?? 0;
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      const messages = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => (JSON.parse(l) as { msg: string; signal?: string }).msg);
      expect(messages.slice(messages.indexOf('newsdesk ready'))).toContain('shutting down');
      expect(stderr).toContain('"signal":"SIGTERM"');
      expect(stderr).not.toContain('xoxb-sigterm-test-token');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
