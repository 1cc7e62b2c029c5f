// End-to-end: Socket Mode through a fake apps.connections.open and a local WebSocket, slash command acked and answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_TOKEN, type SlackHarness, startSlackHarness } from './harness.js';

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness('socket');
});
afterAll(async () => {
  await h?.close();
});

describe('Socket Mode', () => {
  it('opens the connection with the app token and is ready after the hello', async () => {
    expect(h.platform.mode).toBe('socket');
    expect(h.platform.port()).toBeUndefined();
    const [open] = h.fake.callsTo('apps.connections.open');
    expect(open?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    await h.fake.waitForSocket();
    expect(h.platform.isReady()).toBe(true);
  });

  it('acks a slash_commands envelope and answers at response_url', async () => {
    const ack = await h.fake.sendEnvelope('slash_commands', {
      token: 'legacy',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      command: '/brief',
      text: 'nato',
      api_app_id: 'A1',
      response_url: h.fake.responseUrl('socket-1'),
      trigger_id: '1.2.3',
    });
    expect(ack.envelope_id).toBe('env-1');
    const [answer] = await h.fake.waitForResponses('socket-1', 1);
    expect(answer?.response_type).toBe('ephemeral');
    expect(answer?.blocks).toEqual(
      expect.arrayContaining([{ type: 'header', text: { type: 'plain_text', text: 'Brief: NATO', emoji: false } }]),
    );
  });

  it('is not ready once stopped', async () => {
    await h.platform.stop();
    expect(h.platform.isReady()).toBe(false);
  });
});
