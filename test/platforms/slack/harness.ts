// Test harness for the Slack adapter: a real app (SQLite in a temp dir, the repo's content/) behind a fake Slack.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createSilentLogger } from '../../../src/logger.js';
import { createSlackPlatform, type SlackPlatform } from '../../../src/platforms/slack/slack-platform.js';
import { createFakeSlack, type FakeSlack } from '../../helpers/fake-slack.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const APP_TOKEN = 'xapp-test-app-token';
const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

export interface SlackHarness {
  fake: FakeSlack;
  app: App;
  platform: SlackPlatform;
  /** http://127.0.0.1:<port>/slack/events (HTTP mode). */
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startSlackHarness(mode: 'http' | 'socket'): Promise<SlackHarness> {
  const fake = await createFakeSlack();
  const dir = await mkdtemp(join(tmpdir(), 'newsdesk-slack-'));
  const config = loadConfig({
    DATA_DIR: dir,
    CONTENT_DIR,
    LOG_LEVEL: 'silent',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    SLACK_PORT: '0',
    ...(mode === 'http' ? { SLACK_SIGNING_SECRET: SIGNING_SECRET } : { SLACK_APP_TOKEN: APP_TOKEN }),
  });
  const logger = createSilentLogger();
  const app = await createApp(config, { logger });
  await app.syncContent();
  if (!config.slack) throw new Error('harness: slack config missing');
  const platform = createSlackPlatform({ config: config.slack, dispatcher: app.dispatcher, logger });
  await platform.start();
  return {
    fake,
    app,
    platform,
    eventsUrl: `http://127.0.0.1:${platform.port() ?? 0}/slack/events`,
    async close() {
      await platform.stop();
      await app.close();
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Slack's v0 request signature: HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The form body Slack sends for a slash command. */
export function slashCommandBody(command: string, text: string, responseUrl: string, userId = 'U1'): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: userId,
    user_name: 'tester',
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
}

/** Posts a form body to the events endpoint with the given headers (signed by default). */
export async function postSigned(
  url: string,
  body: string,
  headers: Record<string, string> | 'sign' = 'sign',
): Promise<{ status: number; body: string; ms: number }> {
  const ts = nowSeconds();
  const h =
    headers === 'sign' ? { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, ts) } : headers;
  const started = Date.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...h },
    body,
  });
  return { status: res.status, body: await res.text(), ms: Date.now() - started };
}
