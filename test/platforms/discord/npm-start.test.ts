// `newsdesk start` with DISCORD_TOKEN and DISCORD_API_URL set: logs in to a fake Discord, registers, answers, stops.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../../helpers/fake-discord.js';
import { REPO_CONTENT, REPO_ROOT } from '../../helpers/test-app.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});

/** The parent's environment without any Newsdesk setting, so only what the test sets applies. */
function cleanEnv(): Record<string, string> {
  const keep = Object.entries(process.env).filter(
    ([k]) => !/^(SLACK_|DISCORD_|DATABASE_URL|DATA_DIR|CONTENT_DIR|HEALTH_PORT|LOG_LEVEL|DIGEST_)/.test(k),
  );
  return Object.fromEntries(keep.filter((e): e is [string, string] => typeof e[1] === 'string'));
}

describe('npm start with Discord', () => {
  let fake: FakeDiscord;
  let child: ChildProcess;
  let stderr = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-discord-start-'));

  beforeAll(async () => {
    fake = await startFakeDiscord();
    child = spawn(process.execPath, [join(REPO_ROOT, 'bin/newsdesk.js'), 'start'], {
      cwd: REPO_ROOT,
      env: {
        ...cleanEnv(),
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_GUILD_ID: '1300000000000000001',
        DATA_DIR: dataDir,
        CONTENT_DIR: REPO_CONTENT,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    await fake.waitForRequest((q) => q.method === 'PUT' && q.path.endsWith('/commands'), 40_000);
  }, 45_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in and registers the commands', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(fake.registrations[0]?.scope).toBe('1300000000000000001');
    expect(stderr).not.toContain(fake.token);
  });

  it('answers /brief nato and /whosaid putin was a good guy', async () => {
    const brief = fake.sendCommand({ command: 'brief', options: [{ name: 'topic', type: 3, value: 'nato' }] });
    const whosaid = fake.sendCommand({
      command: 'whosaid',
      options: [{ name: 'words', type: 3, value: 'putin was a good guy' }],
    });
    const answer = async (token: string) => {
      const cb = await fake.waitForRequest((q) => q.path.endsWith(`/${token}/callback`), 10_000);
      return JSON.stringify(obj(cb.body).data);
    };
    expect(await answer(brief)).toMatch(/Brief: NATO/);
    expect(await answer(whosaid)).toMatch(/Kelly|good guy/i);
    expect(fake.limitViolations).toEqual([]);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(stderr).toContain('discord ready');
  });
});
