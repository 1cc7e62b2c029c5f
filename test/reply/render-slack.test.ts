// The Block Kit renderer: Slack's limits kept by splitting or a visible "…", escaping, and no mention left to ping.
import { describe, expect, it } from 'vitest';
import { type Citation, r, reply } from '../../src/reply/model.js';
import {
  blockChars,
  escapeMrkdwn,
  messageChars,
  neutraliseMentions,
  renderSlack,
  SLACK_LIMITS,
  type SlackBlock,
  type SlackMessage,
  safeText,
  splitEscaped,
  trimEscaped,
} from '../../src/reply/render-slack.js';

const cite: Citation = {
  articleId: 'a1',
  title: 'Allies reel',
  paragraph: 3,
  date: '2024-02-13',
  url: 'https://example.com/a?b=1&c=2',
};

const texts = (messages: SlackMessage[]): string[] =>
  messages.flatMap((m) => [
    m.text,
    ...m.blocks.map((b: SlackBlock) => {
      if (b.type === 'header' || b.type === 'section') return b.text.text;
      if (b.type === 'context') return b.elements.map((e) => e.text).join(' ');
      if (b.type === 'actions') return b.elements.map((e) => e.text.text).join(' ');
      return '';
    }),
  ]);

function expectLimits(messages: SlackMessage[]): void {
  for (const m of messages) {
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(messageChars(m)).toBeLessThanOrEqual(SLACK_LIMITS.charsPerMessage);
    expect(m.text.length).toBeGreaterThan(0);
    for (const b of m.blocks) {
      if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerChars);
      if (b.type === 'section') {
        expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
        expect(b.text.text.length).toBeGreaterThan(0);
      }
    }
  }
}

describe('escaping', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123|bob>', '&lt;@U123|bob&gt;'],
    ['<https://evil.example|click>', '&lt;https://evil.example|click&gt;'],
    ['&lt; already', '&amp;lt; already'],
  ])('escapes %j for mrkdwn', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it.each(['@here', '@channel', '@everyone', '@HERE', 'hi @here!'])('breaks the bare mention in %j', (input) => {
    const out = neutraliseMentions(input);
    expect(out).not.toMatch(/@(here|channel|everyone)/i);
    expect(out.replace(/\u200D/g, '')).toBe(input);
  });

  it('leaves e-mail-like and other @words alone', () => {
    expect(neutraliseMentions('mail me@herein.com or @bob')).toBe('mail me@herein.com or @bob');
  });
});

describe('no mention survives any block', () => {
  const evil = '<!channel> <!here> <!everyone> <@U123> <#C1> <!subteam^S1> @here @channel @everyone & more';
  const messages = renderSlack(
    reply(
      [
        r.heading(evil),
        r.text(evil),
        r.bullet(evil, { ...cite, title: evil }),
        r.quote(evil, evil, { role: evil, citation: { ...cite, title: evil } }),
        r.context(evil),
      ],
      { more: `/brief ${evil}` },
    ),
  );

  it('has no raw <…> token and no bare broadcast mention', () => {
    for (const t of texts(messages)) {
      expect(t).not.toMatch(/<[!@#]/);
      expect(t).not.toMatch(/@(here|channel|everyone)\b/i);
    }
  });

  it('keeps the only real link: the citation URL, escaped', () => {
    const all = texts(messages).join('\n');
    const links = all.match(/<[^>]*>/g) ?? [];
    expect(new Set(links.map((l) => l.split('|')[0]))).toEqual(new Set(['<https://example.com/a?b=1&amp;c=2']));
  });
});

describe('rendering', () => {
  it('renders each block kind', () => {
    const [m] = renderSlack(
      reply([
        r.heading('Brief: NATO'),
        r.context('From 1 article.'),
        r.bullet('Allies reel.', cite),
        r.divider(),
        r.quote('It would be a disaster.', 'John Bolton', { role: 'former adviser', citation: cite }),
      ]),
    );
    expect(m?.text).toBe('Brief: NATO');
    expect(m?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Brief: NATO', emoji: false } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'From 1 article.' }] },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '• Allies reel.  _(<https://example.com/a?b=1&amp;c=2|Allies reel, 2024-02-13, ¶3>)_',
        },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '>“It would be a disaster.”\n— *John Bolton*, former adviser · _<https://example.com/a?b=1&amp;c=2|Allies reel, 2024-02-13, ¶3>_',
        },
      },
    ]);
  });

  it('cites without a link when the article has no web URL', () => {
    const [m] = renderSlack(reply([r.bullet('Fact.', { ...cite, url: 'javascript:alert(1)' })]));
    expect(m?.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '• Fact.  _(Allies reel, 2024-02-13, ¶3)_' },
    });
  });

  it('shows the follow-up command as context', () => {
    const [m] = renderSlack(reply([r.text('x')], { more: '/brief nato page:2' }));
    expect(m?.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'More: `/brief nato page:2`' }],
    });
  });

  it('never sends an empty message', () => {
    const [m] = renderSlack(reply([r.text('   '), r.bullet('')]));
    expect(m?.blocks.length).toBeGreaterThan(0);
    expectLimits([m as SlackMessage]);
  });
});

describe('limits', () => {
  it('trims a long heading to 150 characters with a visible …', () => {
    const [m] = renderSlack(reply([r.heading('Headline '.repeat(40))]));
    const header = m?.blocks[0];
    expect(header?.type === 'header' && header.text.text.length).toBeLessThanOrEqual(150);
    expect(header?.type === 'header' && header.text.text.endsWith('…')).toBe(true);
  });

  it('splits long text into sections of at most 3000 characters, losing nothing', () => {
    const long = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const [m] = renderSlack(reply([r.text(long)]));
    const sections = (m?.blocks ?? []).filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(2);
    expectLimits([m as SlackMessage]);
    expect(sections.map((b) => (b.type === 'section' ? b.text.text : '')).join(' ')).toBe(long);
  });

  it('trims an over-long quote but keeps its speaker and citation whole', () => {
    const [m] = renderSlack(reply([r.quote('blah '.repeat(1000), 'Kelly', { citation: cite })]));
    const text = m?.blocks[0]?.type === 'section' ? m.blocks[0].text.text : '';
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain('…”\n— *Kelly*');
    expect(text).toMatch(/\|Allies reel, 2024-02-13, ¶3>_$/);
  });

  it('never cuts an escaped entity in half', () => {
    expect(trimEscaped(`${'a'.repeat(8)}&amp;b`, 11)).toBe(`${'a'.repeat(8)}…`);
    for (const chunk of splitEscaped('&amp;'.repeat(1000), 3000)) expect(chunk).toMatch(/^(&amp;)+$/);
  });

  it('splits more than 50 blocks into several messages', () => {
    const many = reply([r.heading('Many'), ...Array.from({ length: 120 }, (_, i) => r.bullet(`item ${i}`))]);
    const messages = renderSlack(many);
    expect(messages.length).toBe(3);
    expectLimits(messages);
    expect(messages.map((m) => m.text)).toEqual(['Many (1/3)', '• item 49 (2/3)', '• item 99 (3/3)']);
  });

  it('keeps each message under the cumulative ~12k character limit', () => {
    const big = reply(Array.from({ length: 20 }, (_, i) => r.text(`${i} ${'x'.repeat(2900)}`)));
    const messages = renderSlack(big);
    expect(messages.length).toBeGreaterThan(4);
    expectLimits(messages);
    expect(messages.every((m) => m.blocks.length <= 4)).toBe(true);
  });

  it('stops at five messages and says what was left out', () => {
    const huge = reply(Array.from({ length: 400 }, (_, i) => r.bullet(`item ${i}`)));
    const messages = renderSlack(huge);
    expect(messages.length).toBe(SLACK_LIMITS.messagesPerReply);
    expectLimits(messages);
    const last = messages[messages.length - 1]?.blocks ?? [];
    expect(last[last.length - 1]).toMatchObject({ type: 'context' });
    expect(texts(messages).join('\n')).toMatch(/… 151 more blocks not shown/);
  });

  it('puts the buttons on the last message, even when it is full', () => {
    const full = reply(Array.from({ length: 50 }, (_, i) => r.bullet(`item ${i}`)));
    const messages = renderSlack(full, { buttons: [{ actionId: 'share', text: 'Post to channel', value: '{}' }] });
    expect(messages.length).toBe(2);
    expectLimits(messages);
    expect(messages[0]?.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(messages[1]?.blocks.at(-1)).toMatchObject({ type: 'actions' });
  });

  it('drops a button whose value Slack would refuse', () => {
    const [m] = renderSlack(reply([r.text('x')]), {
      buttons: [{ actionId: 'share', text: 'Post', value: 'v'.repeat(2001) }],
    });
    expect(m?.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('counts characters the way the limit is checked', () => {
    expect(blockChars({ type: 'divider' })).toBe(0);
    expect(blockChars({ type: 'section', text: { type: 'mrkdwn', text: 'abc' } })).toBe(3);
  });
});

describe('mentions made by cutting text', () => {
  it('defuses "@channel" left behind when a longer word is cut (fallback text and split sections)', () => {
    const text = '\u0000@channelA'.repeat(60);
    const [message] = renderSlack({ blocks: [{ type: 'context', text }] });
    expect(message?.text).not.toMatch(/@(?:here|channel|everyone)\b/i);
    expect(trimEscaped('@channelA@channelA', 9)).not.toMatch(/@channel\b/);
    for (const chunk of splitEscaped('@channelA'.repeat(400), 3000)) expect(chunk).not.toMatch(/@channel\b/);
  });

  it('keeps a chunk within its limit when defusing a mention at the cut adds a joiner', () => {
    // A run with no space to cut at: every cut lands inside "@everyone0" (found by the property test).
    const text = "<http://x|y>!!!!!'!>!!!!!!@everyone0!||spoiler||".repeat(200);
    for (let max = 2950; max <= 3000; max++) {
      for (const chunk of splitEscaped(safeText(text), max)) {
        expect(chunk.length).toBeLessThanOrEqual(max);
        expect(chunk).not.toMatch(/@everyone\b/);
      }
      const trimmed = trimEscaped(safeText(text), max);
      expect(trimmed.length).toBeLessThanOrEqual(max);
      expect(trimmed).not.toMatch(/@everyone\b/);
    }
  });
});
