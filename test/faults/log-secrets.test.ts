// Error paths with every log line captured: no token, signing secret or database password ever reaches a line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel, webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWith } from '../../src/cli/start.js';
import { createManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { errorMessage } from '../../src/errors.js';
import { createLogger, serializeError } from '../../src/logger.js';
import { postMessages } from '../../src/platforms/slack/post-messages.js';
import { createSlackPlatform } from '../../src/platforms/slack/slack-platform.js';
import { reply } from '../../src/reply/model.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startFakeDiscord } from '../helpers/fake-discord.js';
import { createFakeSlack, type FakeSlack } from '../helpers/fake-slack.js';
import { REPO_CONTENT } from '../helpers/test-app.js';
import { testScheduler } from '../scheduler/helpers.js';
import { closedPort, memoryStream } from './helpers.js';

const SLACK_BOT_TOKEN = 'xoxb-1111-2222-LeakCanaryBotToken';
const SLACK_SIGNING_SECRET = 'LeakCanarySigningSecret0123456789';
const SLACK_APP_TOKEN = 'xapp-1-LeakCanaryAppToken';
const DISCORD_TOKEN = 'LeakCanaryDiscordToken.Xy7.AbCdEfGhIjKlMnOp';
const DB_PASSWORD = 'secretpw';
const CANARIES = [SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN, DISCORD_TOKEN, DB_PASSWORD, 'LeakCanary'];

/** Every canary that appears in the text (should be none). */
const leaks = (text: string) => CANARIES.filter((c) => text.includes(c));

let dir: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsdesk-fault-logs-'));
  fake = await createFakeSlack();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('secrets in logs', () => {
  it('bad Slack token at start (auth.test invalid_auth), at debug level: no secret in any line or in the error', async () => {
    fake.script('auth.test', { error: 'invalid_auth' });
    const stderr = memoryStream();
    const env = {
      DATA_DIR: join(dir, 'slack'),
      CONTENT_DIR: REPO_CONTENT,
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: '0',
    };
    const error = await startWith([], { stdin: process.stdin, stdout: memoryStream(), stderr, env }, {}).catch(
      (e: unknown) => e,
    );
    expect(errorMessage(error)).toContain('invalid_auth');
    expect(fake.callsTo('auth.test').at(-1)?.authorization).toBe(`Bearer ${SLACK_BOT_TOKEN}`);
    expect(stderr.lines().length).toBeGreaterThan(3);
    expect(leaks(stderr.text())).toEqual([]);
    expect(leaks(errorMessage(error))).toEqual([]);
  });

  it('bad Discord token at start (401 from the fake): no token in any line or in the error', async () => {
    const discord = await startFakeDiscord({ token: 'the-right-token.for-this-fake' });
    const stderr = memoryStream();
    const env = {
      DATA_DIR: join(dir, 'discord'),
      CONTENT_DIR: REPO_CONTENT,
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN,
      DISCORD_API_URL: discord.apiUrl,
    };
    try {
      const error = await startWith([], { stdin: process.stdin, stdout: memoryStream(), stderr, env }, {}).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(discord.requests.some((q) => q.status === 401)).toBe(true);
      expect(leaks(stderr.text())).toEqual([]);
      expect(leaks(errorMessage(error))).toEqual([]);
    } finally {
      await discord.close();
    }
  });

  it('Postgres unreachable at start, password in DATABASE_URL: not in the retry lines nor the final error', async () => {
    const port = await closedPort();
    const stderr = memoryStream();
    const env = {
      DATA_DIR: join(dir, 'pg'),
      CONTENT_DIR: REPO_CONTENT,
      LOG_LEVEL: 'debug',
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: `postgres://newsdesk:${DB_PASSWORD}@127.0.0.1:${port}/newsdesk`,
    };
    const error = await startWith(
      [],
      { stdin: process.stdin, stdout: memoryStream(), stderr, env },
      { storeRetry: { maxAttempts: 3 }, sleep: async () => undefined },
    ).catch((e: unknown) => e);
    expect(errorMessage(error)).toContain('ECONNREFUSED');
    expect(stderr.lines()).toHaveLength(2);
    expect(leaks(stderr.text())).toEqual([]);
    expect(leaks(errorMessage(error))).toEqual([]);
  });

  it('failing digest posts (Slack platform error, then a network error carrying the request headers): no secret', async () => {
    const config = loadConfig({
      DATA_DIR: join(dir, 'post'),
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_APP_TOKEN,
      DISCORD_TOKEN,
      DATABASE_URL: `postgres://newsdesk:${DB_PASSWORD}@127.0.0.1:1/newsdesk`,
    });
    const log = memoryStream();
    const logger = createLogger({ level: 'trace', secrets: config.secrets, destination: log });
    const clock = createManualClock('2024-03-28T12:00:00Z');
    const store = createSqliteStore({ path: join(dir, 'post.db'), clock });
    try {
      const digests = createDigestService({ store, clock, timeZone: 'UTC', catalog: () => [] });
      await digests.subscribe({ platform: 'slack', channelId: 'C1' }, { schedule: '08:00', userId: 'u' });
      await digests.subscribe({ platform: 'discord', channelId: '1' }, { schedule: '08:00', userId: 'u' });
      clock.set('2024-03-29T08:00:00Z');
      // Slack answers {ok:false}: through the real adapter's post().
      fake.script('chat.postMessage', { error: 'invalid_blocks' });
      const slack = createSlackPlatform({
        config: { botToken: SLACK_BOT_TOKEN, signingSecret: SLACK_SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl },
        dispatcher: { commands: [], find: () => undefined, run: async () => reply([]) },
        logger,
      });
      // Nothing listens: axios fails with the request config (Authorization header included) on the error.
      const unreachable = new webApi.WebClient(SLACK_BOT_TOKEN, {
        slackApiUrl: `http://127.0.0.1:${await closedPort()}/api/`,
        retryConfig: { retries: 0 },
        logLevel: LogLevel.ERROR,
      });
      const discordLike = {
        name: 'discord' as const,
        post: () => postMessages(unreachable, 'C1', [{ text: 'x', blocks: [] }]),
      };
      const results = await testScheduler(store, clock, [slack, discordLike], { logger }).tick();
      expect(results.map((x) => x.outcome).sort()).toEqual(['retry', 'retry']);
      expect(log.text()).toContain('invalid_blocks');
      expect(log.text()).toContain('ECONNREFUSED');
      expect(leaks(log.text())).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('drops request config and headers from errors at the source, even with no secret configured', async () => {
    const unreachable = new webApi.WebClient(SLACK_BOT_TOKEN, {
      slackApiUrl: `http://127.0.0.1:${await closedPort()}/api/`,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
    const error = await postMessages(unreachable, 'C1', [{ text: 'x', blocks: [] }]).catch((e: unknown) => e);
    // The raw error does carry the token, deep in the wrapped axios error's request config.
    const raw = (error as { cause?: { original?: { config?: { headers?: Record<string, unknown> } } } }).cause?.original
      ?.config?.headers;
    expect(String(raw?.Authorization)).toBe(`Bearer ${SLACK_BOT_TOKEN}`);
    const serialized = JSON.stringify(serializeError(error));
    expect(serialized).toContain('ECONNREFUSED');
    expect(serialized).not.toContain('Authorization');
    expect(serialized).not.toContain(SLACK_BOT_TOKEN);
    // And a logger configured with no secrets at all still writes no token-shaped value.
    const log = memoryStream();
    createLogger({ level: 'info', destination: log }).error(
      { err: error, note: `retry with Bearer ${SLACK_BOT_TOKEN} and xapp-1-LeakCanaryApp` },
      `postgres://u:${DB_PASSWORD}@db:5432/x unreachable`,
    );
    expect(leaks(log.text())).toEqual([]);
    expect(log.text()).toContain('postgres://u:[REDACTED]@db:5432/x');
  });

  it('keeps ordinary words readable: only credential shapes are redacted', () => {
    const log = memoryStream();
    createLogger({ destination: log }).warn(
      { auth: 'Bot MTEwMDAwMDAwMDAwMDAwMDAx.GhIjKl.AbCdEfGhIjKlMnOpQrStUv' },
      'Bot permissions missing in the Bearer channel',
    );
    expect(log.text()).toContain('Bot permissions missing in the Bearer channel');
    expect(log.text()).toContain('"auth":"Bot [REDACTED]"');
  });

  it('redacts a password that appears URL-encoded as well as plain', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p%40ss%3Aw0rd@127.0.0.1:1/x' });
    const log = memoryStream();
    const logger = createLogger({ secrets: config.secrets, destination: log });
    logger.info({ url: 'host=db password=p%40ss%3Aw0rd' }, 'plain p@ss:w0rd');
    expect(log.text()).not.toContain('p@ss:w0rd');
    expect(log.text()).not.toContain('p%40ss%3Aw0rd');
  });
});
