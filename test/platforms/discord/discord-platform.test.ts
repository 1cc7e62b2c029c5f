// End to end: the real discord.js client against a fake Discord on 127.0.0.1, over a real SQLite store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import type { Config } from '../../../src/config.js';
import { ChannelError } from '../../../src/errors.js';
import { createSilentLogger } from '../../../src/logger.js';
import { createDiscordPlatform, type DiscordPlatform } from '../../../src/platforms/discord/discord-platform.js';
import { r, reply } from '../../../src/reply/model.js';
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from '../../helpers/fake-discord.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const GUILD = '1300000000000000001';
const STRING = 3;
const INTEGER = 4;

function discordConfig(app: TestApp): NonNullable<Config['discord']> {
  const c = app.config.discord;
  if (!c) throw new Error('DISCORD_TOKEN did not reach the config');
  return c;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Everything a message shows, as one string, for loose content checks. */
function shown(message: unknown): string {
  const m = obj(message);
  const embeds = list(m.embeds).map((e) => {
    const x = obj(e);
    return [x.title, x.description, obj(x.footer).text].filter((s) => typeof s === 'string').join('\n');
  });
  return [typeof m.content === 'string' ? m.content : '', ...embeds].join('\n');
}

/** The message an interaction callback (type 4) or a webhook call carries. */
function messageOf(req: RecordedRequest): Json {
  const body = obj(req.body);
  return req.path.endsWith('/callback') ? obj(body.data) : body;
}

const isCallback = (token: string) => (q: RecordedRequest) => q.path.endsWith(`/${token}/callback`);

describe('Discord platform, end to end', () => {
  let fake: FakeDiscord;
  let app: TestApp;
  let platform: DiscordPlatform;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    app = await createTestApp({
      env: { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: GUILD },
    });
    platform = createDiscordPlatform({
      config: discordConfig(app),
      dispatcher: app.dispatcher,
      services: app.services,
      logger: createSilentLogger(),
    });
    await platform.start();
  });

  afterAll(async () => {
    await platform?.stop();
    await fake?.close();
    await app?.close();
  });

  it('identifies with the Guilds intent only', () => {
    expect(fake.identifies).toHaveLength(1);
    expect(obj(fake.identifies[0]).intents).toBe(1);
    expect(platform.isReady()).toBe(true);
  });

  it('registers every command from its declaration on the configured guild', () => {
    expect(fake.registrations).toHaveLength(1);
    const [registration] = fake.registrations;
    expect(registration?.scope).toBe(GUILD);
    const registered = list(registration?.body).map(obj);
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    const brief = registered.find((c) => c.name === 'brief');
    expect(brief?.description).toBe('Brief me on a topic from the news');
    expect(brief?.options).toEqual([
      {
        name: 'topic',
        description: 'Topic, e.g. nato',
        required: true,
        type: STRING,
        min_length: 1,
        max_length: 100,
        autocomplete: true,
      },
      {
        name: 'page',
        description: 'Page of the brief (for more)',
        required: false,
        type: INTEGER,
        min_value: 1,
        max_value: 50,
      },
    ]);
    const quotes = registered.find((c) => c.name === 'quotes');
    expect(list(quotes?.options).map(obj)[0]).toMatchObject({ name: 'person', autocomplete: true, required: true });
  });

  it('answers /brief nato with the brief as embeds, quotes with their speakers, pinging nobody', async () => {
    const token = fake.sendCommand({ command: 'brief', options: [{ name: 'topic', type: STRING, value: 'nato' }] });
    const callback = await fake.waitForRequest(isCallback(token));
    expect(obj(callback.body).type).toBe(4);
    const message = messageOf(callback);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(obj(list(message.embeds)[0]).title).toMatch(/^Brief: NATO/);
    expect(shown(message)).toMatch(/> — \*\*[^*]+\*\*/);
    expect(Number(message.flags ?? 0) & 64).toBe(0);
  });

  it('answers /whosaid putin was a good guy with who said it', async () => {
    const token = fake.sendCommand({
      command: 'whosaid',
      options: [{ name: 'words', type: STRING, value: 'putin was a good guy' }],
    });
    const callback = await fake.waitForRequest(isCallback(token));
    const message = messageOf(callback);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    // Who is found depends on quote extraction; the seed article attributes it to John Kelly.
    expect(shown(message)).toMatch(/Kelly|good guy/i);
  });

  it('autocompletes topics, people and articles from the store', async () => {
    const topic = fake.sendAutocomplete({
      command: 'brief',
      options: [{ name: 'topic', type: STRING, value: 'na', focused: true }],
    });
    const article = fake.sendAutocomplete({
      command: 'summary',
      options: [{ name: 'article', type: STRING, value: 'trump', focused: true }],
    });
    const person = fake.sendAutocomplete({
      command: 'quotes',
      options: [{ name: 'person', type: STRING, value: '', focused: true }],
    });
    const choices = async (token: string) => {
      const cb = await fake.waitForRequest(isCallback(token));
      expect(obj(cb.body).type).toBe(8);
      return list(obj(obj(cb.body).data).choices).map(obj);
    };
    expect((await choices(topic)).map((c) => c.value)).toContain('NATO');
    const articles = await choices(article);
    expect(articles.map((c) => c.value)).toContain('2024-02-13-trump-nato');
    const people = await choices(person);
    expect(people.length).toBeGreaterThan(0);
    expect(people.length).toBeLessThanOrEqual(25);
  });

  it('answers bad input with a short ephemeral message', async () => {
    const token = fake.sendCommand({
      command: 'brief',
      options: [
        { name: 'topic', type: STRING, value: 'nato' },
        { name: 'page', type: INTEGER, value: 0 },
      ],
    });
    const message = messageOf(await fake.waitForRequest(isCallback(token)));
    expect(Number(message.flags) & 64).toBe(64);
    expect(String(message.content)).toMatch(/^\/brief: page is too small/);
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers an unknown command ephemerally instead of failing', async () => {
    const token = fake.sendCommand({ command: 'nosuch' });
    const message = messageOf(await fake.waitForRequest(isCallback(token)));
    expect(Number(message.flags) & 64).toBe(64);
    expect(String(message.content)).toMatch(/Unknown command/);
  });

  it('posts to a channel over REST, waiting out a 429 instead of dropping the post', async () => {
    fake.rateLimitChannelPosts(1, 0.2);
    const channel = '1400000000000000001';
    const started = Date.now();
    await platform.post(channel, reply([r.heading('Digest'), r.text('@everyone the news')]));
    const posts = fake.requests.filter((q) => q.path === `/channels/${channel}/messages`);
    expect(posts.map((q) => q.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const body = obj(posts[1]?.body);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(shown(body)).not.toMatch(/@everyone/);
  });

  it.each([
    ['1400000000000000404', 404, 10003, 'Unknown Channel', 'channel_not_found'],
    ['1400000000000000403', 403, 50001, 'Missing Access', 'missing_access'],
    ['1400000000000000413', 403, 50013, 'Missing Permissions', 'missing_access'],
  ])('reports Discord error %s (%i %i) on a post as a ChannelError', async (channel, status, code, text, reason) => {
    fake.failChannel(channel, status, code, text);
    const error = await platform.post(channel, reply([r.text('hello')])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect((error as ChannelError).reason).toBe(reason);
    expect((error as ChannelError).permanent).toBe(true);
  });

  it('never sent anything Discord would reject and used no route the fake does not know', () => {
    expect(fake.limitViolations).toEqual([]);
    expect(fake.unhandled).toEqual([]);
  });
});
