// post() for scheduled digests: chat.postMessage through the real Web API client, 429 retries, typed channel errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelError, NewsdeskError } from '../../../src/errors.js';
import { r, reply } from '../../../src/reply/model.js';
import type { SlackBlock } from '../../../src/reply/render-slack.js';
import { BOT_TOKEN, type SlackHarness, startSlackHarness } from './harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness('http');
});
afterAll(async () => {
  await h?.close();
});

const digest = reply([r.heading('Morning digest'), r.bullet('NATO leaders meet <!channel> @here')]);

describe('post()', () => {
  it('posts the rendered reply with chat.postMessage as the bot', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.platform.post('C42', digest);
    const call = h.fake.callsTo('chat.postMessage')[before];
    expect(call?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(call?.params.channel).toBe('C42');
    expect(call?.params.text).toBe('Morning digest');
    const blocks = call?.params.blocks as SlackBlock[];
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Morning digest' } });
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('waits out a 429 for its Retry-After and then delivers', async () => {
    h.fake.script('chat.postMessage', { rateLimited: { retryAfterSeconds: 1 } });
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.platform.post('C42', digest);
    const [limited, delivered] = h.fake.callsTo('chat.postMessage').slice(before);
    expect(limited && delivered).toBeTruthy();
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'] as const)(
    'reports %s as a ChannelError with that reason',
    async (code) => {
      h.fake.script('chat.postMessage', { error: code });
      const error = await h.platform.post('C404', digest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).reason).toBe(code);
      expect((error as ChannelError).permanent).toBe(true);
      expect((error as ChannelError).message).toContain('C404');
    },
  );

  it.each(['invalid_blocks', 'msg_too_long'])(
    'rethrows %s with context instead of dropping the message',
    async (code) => {
      h.fake.script('chat.postMessage', { error: code });
      const error = await h.platform.post('C42', digest).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NewsdeskError);
      expect(error).not.toBeInstanceOf(ChannelError);
      expect((error as NewsdeskError).code).toBe('slack_post_failed');
      expect((error as NewsdeskError).message).toBe(`chat.postMessage to C42 failed: ${code}`);
    },
  );

  it('sends a long reply as several messages, in order, and says which part failed', async () => {
    const long = reply([
      r.heading('Long digest'),
      ...Array.from({ length: 60 }, (_, i) => r.bullet(`Item ${i + 1}: ${'word '.repeat(50)}`)),
    ]);
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.platform.post('C42', long);
    const calls = h.fake.callsTo('chat.postMessage').slice(before);
    expect(calls.length).toBeGreaterThan(1);
    const items = calls.flatMap((c) => (c.params.blocks as SlackBlock[]).filter((b) => b.type === 'section'));
    expect(items.map((b) => (b.type === 'section' ? /Item (\d+)/.exec(b.text.text)?.[1] : ''))).toEqual(
      Array.from({ length: 60 }, (_, i) => String(i + 1)),
    );

    h.fake.script('chat.postMessage', 'ok', { error: 'msg_too_long' });
    const error = await h.platform.post('C42', long).catch((e: unknown) => e);
    expect((error as NewsdeskError).message).toMatch(/msg_too_long \(part 2 of \d+; 1 sent\)$/);
  });
});
