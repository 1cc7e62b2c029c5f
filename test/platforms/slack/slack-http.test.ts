// End-to-end: the real Bolt app in HTTP mode, signed slash commands and button clicks, answers at response_url.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MORE_ACTION, SHARE_ACTION } from '../../../src/platforms/slack/slack-platform.js';
import { SLACK_LIMITS, type SlackBlock } from '../../../src/reply/render-slack.js';
import { nowSeconds, postSigned, type SlackHarness, sign, slashCommandBody, startSlackHarness } from './harness.js';

let h: SlackHarness;
let n = 0;
const nextId = () => `r${++n}`;

beforeAll(async () => {
  h = await startSlackHarness('http');
});
afterAll(async () => {
  await h?.close();
});

const blocksOf = (body: Record<string, unknown>) => (body.blocks ?? []) as SlackBlock[];
const textOf = (b: SlackBlock): string => {
  if (b.type === 'header' || b.type === 'section') return b.text.text;
  if (b.type === 'context') return b.elements.map((e) => e.text).join(' ');
  if (b.type === 'actions') return b.elements.map((e) => `${e.text.text} ${e.value}`).join(' ');
  return '';
};
const allText = (bodies: Record<string, unknown>[]) =>
  bodies.map((b) => `${String(b.text ?? '')}\n${blocksOf(b).map(textOf).join('\n')}`).join('\n');

function expectWithinLimits(bodies: Record<string, unknown>[]): void {
  for (const body of bodies) {
    const blocks = blocksOf(body);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(blocks.reduce((s, b) => s + textOf(b).length, 0)).toBeLessThanOrEqual(SLACK_LIMITS.charsPerMessage);
    for (const b of blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
    }
  }
}

async function slash(command: string, text: string, id = nextId()) {
  const res = await postSigned(h.eventsUrl, slashCommandBody(command, text, h.fake.responseUrl(id)));
  return { ...res, id };
}

describe('slash commands over HTTP', () => {
  it('acks a signed /brief nato at once and answers at response_url with the brief', async () => {
    const res = await slash('/brief', 'nato');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.ms).toBeLessThan(3000);
    // The answer itself also arrives well within Slack's 3 seconds.
    const [first] = await h.fake.waitForResponses(res.id, 1, 3000);
    if (!first) throw new Error('no response');
    expect(first.response_type).toBe('ephemeral');
    const blocks = blocksOf(first);
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Brief: NATO', emoji: false } });
    const bullets = blocks.filter((b) => b.type === 'section' && b.text.text.startsWith('• '));
    expect(bullets.length).toBeGreaterThan(0);
    // Every fact is cited: article title, date, paragraph.
    for (const b of bullets) expect(textOf(b)).toMatch(/_\(.*2024-02-13, ¶\d+.*\)_$/);
    // Quotes in the brief (if the analysis found any) arrive as quote sections with their speakers.
    const brief = await h.app.services.briefing.brief('nato');
    const quoteSections = blocks.filter((b) => b.type === 'section' && b.text.text.startsWith('>“'));
    expect(quoteSections.length).toBe(brief.quotes.length + brief.otherVoices.length);
    for (const q of [...brief.quotes, ...brief.otherVoices]) expect(allText([first])).toContain(`— *${q.speaker}*`);
    expectWithinLimits([first]);
  });

  it('offers "Post to channel" and "More" buttons that carry the command', async () => {
    const res = await slash('/brief', 'nato');
    const bodies = await h.fake.waitForResponses(res.id, 1);
    const actions = bodies.flatMap(blocksOf).find((b) => b.type === 'actions');
    if (actions?.type !== 'actions') throw new Error('no actions block');
    const share = actions.elements.find((e) => e.action_id === SHARE_ACTION);
    expect(share?.text.text).toBe('Post to channel');
    expect(JSON.parse(share?.value ?? '{}')).toEqual({ c: 'brief', t: 'nato' });
    const more = actions.elements.find((e) => e.action_id === MORE_ACTION);
    expect(JSON.parse(more?.value ?? '{}')).toEqual({ c: 'brief', t: 'nato page:2' });
  });

  it('renders /whosaid as a quote with its speaker', async () => {
    const res = await slash('/whosaid', 'putin was a good guy');
    const [body] = await h.fake.waitForResponses(res.id, 1);
    if (!body) throw new Error('no response');
    const quote = blocksOf(body).find((b) => b.type === 'section' && b.text.text.startsWith('>“'));
    expect(quote && textOf(quote)).toMatch(/^>“.*Putin.*”\n— \*[^*]+\*/s);
  });

  it('answers bad input with a short private message and no buttons', async () => {
    const res = await slash('/brief', '');
    expect(res.status).toBe(200);
    const [body] = await h.fake.waitForResponses(res.id, 1);
    expect(body?.response_type).toBe('ephemeral');
    expect(body?.text).toBe('/brief: topic is required (Topic, e.g. nato).');
    expect(blocksOf(body ?? {}).some((b) => b.type === 'actions')).toBe(false);
  });

  it('answers a command Slack knows but Newsdesk does not serve', async () => {
    const res = await slash('/nope', 'x');
    expect(res.status).toBe(200);
    const [body] = await h.fake.waitForResponses(res.id, 1);
    expect(body).toMatchObject({ response_type: 'ephemeral', text: 'Unknown command /nope. Try /help.' });
  });

  it('lets no mention through from user input', async () => {
    const res = await slash('/whosaid', '<!channel> <@U123> @here @everyone hi');
    const bodies = await h.fake.waitForResponses(res.id, 1);
    // Button values are never displayed, so they keep the user's words as typed; everything shown is checked.
    const shown = bodies.map((b) => ({ ...b, blocks: blocksOf(b).filter((x) => x.type !== 'actions') }));
    const text = allText(shown);
    expect(text).toContain('&lt;!channel&gt;');
    for (const ping of ['<!channel>', '<@U123>', '<!here>']) expect(text).not.toContain(ping);
    expect(text).not.toMatch(/@(here|channel|everyone)\b/);
  });

  it('posts the same answer in the channel when "Post to channel" is clicked, then removes the private copy', async () => {
    const id = nextId();
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U1', username: 'tester', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
      trigger_id: '1.2.3',
      channel: { id: 'C1', name: 'general' },
      response_url: h.fake.responseUrl(id),
      actions: [
        {
          type: 'button',
          action_id: SHARE_ACTION,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'Post to channel' },
          value: JSON.stringify({ c: 'brief', t: 'nato' }),
          action_ts: '1.3',
        },
      ],
    };
    const res = await postSigned(h.eventsUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(res.status).toBe(200);
    const bodies = await h.fake.waitForResponses(id, 2);
    const [posted, removed] = [bodies[0], bodies[bodies.length - 1]];
    expect(posted?.response_type).toBe('in_channel');
    expect(blocksOf(posted ?? {})[0]).toMatchObject({ type: 'header', text: { text: 'Brief: NATO' } });
    expect(blocksOf(posted ?? {}).some((b) => b.type === 'actions')).toBe(false);
    expect(removed).toEqual({ delete_original: true });
  });
});

describe('request checks', () => {
  const body = () => slashCommandBody('/brief', 'nato', h.fake.responseUrl('never'));

  it.each([
    [
      'a bad signature',
      (b: string) => ({
        'x-slack-request-timestamp': String(nowSeconds()),
        'x-slack-signature': sign(b, nowSeconds(), 'wrong-secret'),
      }),
    ],
    [
      'a signature of another body',
      (b: string) => ({
        'x-slack-request-timestamp': String(nowSeconds()),
        'x-slack-signature': sign(`${b}x`, nowSeconds()),
      }),
    ],
    ['no signature header', () => ({ 'x-slack-request-timestamp': String(nowSeconds()) })],
    ['no timestamp header', (b: string) => ({ 'x-slack-signature': sign(b, nowSeconds()) })],
    ['no headers at all', () => ({})],
    [
      'a stale timestamp (6 minutes old)',
      (b: string) => {
        const ts = nowSeconds() - 360;
        return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(b, ts) };
      },
    ],
    [
      'a future timestamp (6 minutes ahead)',
      (b: string) => {
        const ts = nowSeconds() + 360;
        return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(b, ts) };
      },
    ],
    [
      'a malformed timestamp',
      (b: string) => ({ 'x-slack-request-timestamp': '12abc', 'x-slack-signature': sign(b, nowSeconds()) }),
    ],
  ])('refuses %s with 401', async (_name, headers) => {
    const b = body();
    const res = await postSigned(h.eventsUrl, b, headers(b));
    expect(res.status).toBe(401);
  });

  it('accepts a correctly signed request with a little clock skew (1 minute ahead)', async () => {
    const id = nextId();
    const b = slashCommandBody('/topics', '', h.fake.responseUrl(id));
    const ts = nowSeconds() + 60;
    const res = await postSigned(h.eventsUrl, b, {
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(b, ts),
    });
    expect(res.status).toBe(200);
    await h.fake.waitForResponses(id, 1);
  });

  it('never answers a refused request', async () => {
    expect(h.fake.responses('never')).toEqual([]);
  });
});
