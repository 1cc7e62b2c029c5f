// End to end with test-only commands: deferral then edit, rights checks, long answers as follow-ups, global registration.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCommand } from '../../../commands/define-command.js';
import { createDispatcher } from '../../../src/dispatch.js';
import { createSilentLogger } from '../../../src/logger.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/discord-platform.js';
import { failure, r, reply } from '../../../src/reply/model.js';
import { renderDiscord } from '../../../src/reply/render-discord.js';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../../helpers/fake-discord.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const MANAGE_CHANNELS = 16n;
const NO_MANAGE = ((1n << 50n) - 1n) & ~(MANAGE_CHANNELS | 8n);

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const slow = defineCommand({
  name: 'slow',
  description: 'Answers after a while',
  options: z.object({ fail: z.boolean().optional().describe('Answer with a failure') }),
  async run({ options }) {
    await delay(400);
    return options.fail ? failure('That did not work.') : reply([r.heading('Slow answer'), r.text('Done.')]);
  },
});

const subscribe = defineCommand({
  name: 'subscribe',
  description: 'Change this channel (needs Manage Channels)',
  options: z.object({ mode: z.enum(['daily', 'weekly']).describe('How often') }),
  requiresManageChannel: true,
  async run({ options, invoker }) {
    return reply([r.text(`Subscribed ${invoker.channelId} ${options.mode}.`)]);
  },
});

/** 150 bullets of ~200 characters: more than one message of 6000 can hold. */
function longReply() {
  const bullets = Array.from({ length: 150 }, (_, i) => r.bullet(`item ${i} ${'n'.repeat(180)} @everyone`));
  return reply([r.heading('Long'), ...bullets]);
}

const long = defineCommand({
  name: 'long',
  description: 'A very long answer',
  options: z.object({}),
  async run() {
    return longReply();
  },
});

describe('Discord platform with test commands', () => {
  let fake: FakeDiscord;
  let app: TestApp;
  let platform: DiscordPlatform;
  const byToken = (token: string) => (q: RecordedRequest) => q.path.includes(`/${token}`);

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // No DISCORD_GUILD_ID: commands are registered globally.
    app = await createTestApp({ env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl } });
    const config = app.config.discord;
    if (!config) throw new Error('DISCORD_TOKEN did not reach the config');
    platform = createDiscordPlatform({
      config,
      dispatcher: createDispatcher([slow, subscribe, long] as never[], app.services),
      services: app.services,
      logger: createSilentLogger(),
      deferAfterMs: 100,
    });
    await platform.start();
  });

  afterAll(async () => {
    await platform?.stop();
    await fake?.close();
    await app?.close();
  });

  it('registers globally without a guild id, with Manage Channels as the default permission where needed', () => {
    expect(fake.registrations.map((x) => x.scope)).toEqual(['global']);
    const commands = list(fake.registrations[0]?.body).map(obj);
    const sub = commands.find((c) => c.name === 'subscribe');
    expect(sub?.default_member_permissions).toBe('16');
    expect(list(sub?.options).map(obj)[0]).toMatchObject({
      name: 'mode',
      type: 3,
      required: true,
      choices: [
        { name: 'daily', value: 'daily' },
        { name: 'weekly', value: 'weekly' },
      ],
    });
    expect(commands.find((c) => c.name === 'slow')?.default_member_permissions).toBeUndefined();
    expect(list(commands.find((c) => c.name === 'slow')?.options).map(obj)[0]).toMatchObject({ type: 5 });
  });

  it('defers a slow answer within the deadline, then edits the reply', async () => {
    const sent = Date.now();
    const token = fake.sendCommand({ command: 'slow' });
    const callback = await fake.waitForRequest((q) => q.path.endsWith(`/${token}/callback`));
    expect(obj(callback.body).type).toBe(5);
    expect(callback.at - sent).toBeLessThan(3000);
    const edit = await fake.waitForRequest((q) => byToken(token)(q) && q.method === 'PATCH');
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(obj(list(obj(edit.body).embeds)[0]).title).toBe('Slow answer');
    expect(obj(edit.body).allowed_mentions).toEqual({ parse: [] });
  });

  it('turns a deferred public answer that fails into an ephemeral follow-up', async () => {
    const token = fake.sendCommand({ command: 'slow', options: [{ name: 'fail', type: 5, value: true }] });
    const follow = await fake.waitForRequest(
      (q) => byToken(token)(q) && q.method === 'POST' && !q.path.endsWith('/callback'),
    );
    expect(obj(follow.body).content).toBe('That did not work.');
    expect(Number(obj(follow.body).flags) & 64).toBe(64);
    expect(fake.requestsFor(token).some((q) => q.method === 'DELETE')).toBe(true);
  });

  it('refuses a channel-changing command to a member without Manage Channels', async () => {
    const token = fake.sendCommand({
      command: 'subscribe',
      options: [{ name: 'mode', type: 3, value: 'daily' }],
      permissions: NO_MANAGE.toString(),
    });
    const data = obj(obj((await fake.waitForRequest((q) => q.path.endsWith(`/${token}/callback`))).body).data);
    expect(String(data.content)).toMatch(/permission to manage this channel/);
    expect(Number(data.flags) & 64).toBe(64);
  });

  it('runs a channel-changing command for a member with Manage Channels', async () => {
    const token = fake.sendCommand({
      command: 'subscribe',
      options: [{ name: 'mode', type: 3, value: 'weekly' }],
      permissions: MANAGE_CHANNELS.toString(),
      channelId: '1500000000000000001',
    });
    const data = obj(obj((await fake.waitForRequest((q) => q.path.endsWith(`/${token}/callback`))).body).data);
    expect(data.content).toBe('Subscribed 1500000000000000001 weekly.');
  });

  it('sends a long answer as a reply plus follow-ups, each within the limits', async () => {
    const expected = renderDiscord(longReply()).length;
    expect(expected).toBeGreaterThanOrEqual(5);
    const token = fake.sendCommand({ command: 'long' });
    for (let i = 0; i < 250 && fake.requestsFor(token).length < expected; i++) await delay(20);
    const messages = fake
      .requestsFor(token)
      .map((q) => (q.path.endsWith('/callback') ? obj(obj(q.body).data) : obj(q.body)));
    expect(messages).toHaveLength(expected);
    const text = JSON.stringify(messages);
    for (const i of [0, 75, 149]) expect(text).toContain(`item ${i} `);
    expect(text).not.toContain('@everyone');
    for (const m of messages) expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(fake.limitViolations).toEqual([]);
  });

  it('fails to start with a clear error, and without the token, when Discord refuses the token', async () => {
    const config = app.config.discord;
    if (!config) throw new Error('DISCORD_TOKEN did not reach the config');
    const refused = createDiscordPlatform({
      config: { ...config, token: 'wrong-token-abc' },
      dispatcher: app.dispatcher,
      services: app.services,
      logger: createSilentLogger(),
    });
    const error = await refused.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toMatch(/token/i);
    expect(String((error as Error).message)).not.toContain('wrong-token-abc');
    expect(refused.isReady()).toBe(false);
    await refused.stop();
  });

  it('stops cleanly and reports not ready', async () => {
    await platform.stop();
    expect(platform.isReady()).toBe(false);
    expect(fake.unhandled).toEqual([]);
    expect(fake.limitViolations).toEqual([]);
  });
});
