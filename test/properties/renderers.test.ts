// Property tests of every renderer: no text from an article or a user can ping anyone, break the markup or drive the terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Citation, Reply } from '../../src/reply/model.js';
import { DISCORD_LIMITS, embedLength, renderDiscord } from '../../src/reply/render-discord.js';
import { renderPlain } from '../../src/reply/render-plain.js';
import { messageChars, renderSlack, SLACK_LIMITS, type SlackBlock } from '../../src/reply/render-slack.js';

/** Pieces of hostile text: every mention syntax, markup control characters, links, terminal escapes. */
const HOSTILE = [
  '@everyone',
  '@here',
  '@channel',
  '@EVERYONE',
  '@Here',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<@U123>',
  '<@!123456789012345678>',
  '<@123456789012345678>',
  '<@&123456789012345678>',
  '<#C123>',
  '<#123456789012345678>',
  '<!subteam^S123>',
  '<!subteam^S123|@team>',
  '<http://x|y>',
  '<https://evil.example/?a=1&b=2|click>',
  '<mailto:a@b.c|mail>',
  '[link](https://evil.example)',
  '&amp;',
  '&lt;',
  '&',
  '<',
  '>',
  '\n>',
  '\n> quoted',
  '\n# heading',
  '\n- item',
  '`',
  '```',
  '*',
  '_',
  '~',
  '|',
  '||spoiler||',
  '\\',
  '\n',
  '\r\n',
  '\r',
  '\u001b[31m',
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u009b31m',
  '\b',
  '\u0000',
  '\u007f',
  '\u200b',
  '\u202e',
  '\ud83d\ude00',
  '\u0301',
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', ' word', ' NATO said', ' the talks') },
);
const hostile = fc.array(piece, { maxLength: 20 }).map((p) => p.join(''));
/** Mostly short, sometimes long enough to force splitting and trimming. */
const text = fc.oneof(
  { weight: 6, arbitrary: hostile },
  { weight: 1, arbitrary: fc.tuple(hostile, fc.integer({ min: 1, max: 400 })).map(([t, n]) => t.repeat(n)) },
);

const citation: fc.Arbitrary<Citation> = fc.record(
  {
    articleId: fc.string({ maxLength: 20 }),
    title: text,
    paragraph: fc.integer({ min: 0, max: 500 }),
    source: fc.option(text, { nil: undefined }),
    url: fc.option(
      fc.oneof(
        fc.webUrl(),
        fc.constantFrom('http://x|y>', 'https://e.example/<!channel>', 'javascript:alert(1)', 'https://a.b/)(x'),
        text,
      ),
      { nil: undefined },
    ),
    date: fc.option(fc.constantFrom('2024-02-13', '<!here>'), { nil: undefined }),
  },
  { requiredKeys: ['articleId', 'title', 'paragraph'] },
);

const block: fc.Arbitrary<Block> = fc.oneof(
  text.map((t): Block => ({ type: 'heading', text: t })),
  text.map((t): Block => ({ type: 'text', text: t })),
  fc
    .tuple(text, fc.option(citation, { nil: undefined }))
    .map(([t, c]): Block => ({ type: 'bullet', text: t, citation: c })),
  fc
    .tuple(
      text,
      text,
      fc.option(text, { nil: undefined }),
      fc.option(text, { nil: undefined }),
      fc.option(citation, { nil: undefined }),
    )
    .map(([t, speaker, role, cue, c]): Block => ({ type: 'quote', text: t, speaker, role, cue, citation: c })),
  fc.constant<Block>({ type: 'divider' }),
  text.map((t): Block => ({ type: 'context', text: t })),
);

const replyArb: fc.Arbitrary<Reply> = fc.record({
  blocks: fc.array(block, { maxLength: 30 }),
  ephemeral: fc.option(fc.boolean(), { nil: undefined }),
  more: fc.option(text, { nil: undefined }),
  error: fc.option(fc.boolean(), { nil: undefined }),
});

const RUNS = { numRuns: 250 };

/** Texts of a Slack block that Slack parses as mrkdwn or shows as plain text. */
function slackTexts(b: SlackBlock): { kind: string; text: string }[] {
  switch (b.type) {
    case 'header':
      return [{ kind: 'header', text: b.text.text }];
    case 'section':
      return [{ kind: 'section', text: b.text.text }];
    case 'context':
      return b.elements.map((e) => ({ kind: 'context', text: e.text }));
    case 'actions':
      return b.elements.map((e) => ({ kind: 'button', text: e.text.text }));
    case 'divider':
      return [];
  }
}

/** The citation links the renderer writes itself: `<http(s)://url|label>` with an escaped URL and no `|` or `<>` inside. */
const OWN_LINK = /<https?:\/\/[^\s|<>]+\|[^<>|]*>/g;

function checkSlackText(kind: string, t: string): void {
  const limit = kind === 'header' ? SLACK_LIMITS.headerChars : kind === 'button' ? SLACK_LIMITS.buttonTextChars : 3000;
  expect(t.length, `${kind} within its limit`).toBeLessThanOrEqual(limit);
  const rest = t.replace(OWN_LINK, 'LINK');
  // No `<` survives from the input: so no <!channel>, <@U…>, <#C…>, <!subteam^…> or <url|label> of its own.
  expect(rest, `${kind}: no raw "<"`).not.toContain('<');
  // `>` only as the quote prefix the renderer writes at the start of a quote section.
  expect(rest.replace(/^>/, ''), `${kind}: no raw ">"`).not.toContain('>');
  // Every & starts one of the three escapes.
  expect(rest.replace(/&(?:amp|lt|gt);/g, ''), `${kind}: no raw "&"`).not.toContain('&');
  // Slack reads "@here" as a word only: "me@herein.com" and "@everyone0" are not mentions and stay as written.
  expect(rest, `${kind}: no bare @here/@channel/@everyone`).not.toMatch(/@(?:here|channel|everyone)\b/i);
}

describe('Slack renderer (fast-check)', () => {
  it('never lets input ping or break mrkdwn, and keeps every limit', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const messages = renderSlack(reply);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.length).toBeLessThanOrEqual(SLACK_LIMITS.messagesPerReply);
        for (const m of messages) {
          expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
          expect(messageChars(m)).toBeLessThanOrEqual(SLACK_LIMITS.charsPerMessage);
          expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackChars + 12);
          checkSlackText('fallback', m.text);
          for (const b of m.blocks) for (const { kind, text: t } of slackTexts(b)) checkSlackText(kind, t);
        }
      }),
      RUNS,
    );
  });
});

/** Every string Discord shows from a message. */
function discordTexts(m: ReturnType<typeof renderDiscord>[number]): string[] {
  const out: string[] = [];
  if (m.content !== undefined) out.push(m.content);
  for (const e of m.embeds ?? []) {
    if (e.title !== undefined) out.push(e.title);
    if (e.description !== undefined) out.push(e.description);
    if (e.footer) out.push(e.footer.text);
    if (e.author) out.push(e.author.name);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  return out;
}

describe('Discord renderer (fast-check)', () => {
  it('sets allowed_mentions { parse: [] } on every message, keeps every limit and leaves no working mention', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const messages = renderDiscord(reply);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(m.allowed_mentions).toEqual({ parse: [] });
          const hasContent = (m.content?.trim().length ?? 0) > 0;
          expect(hasContent || (m.embeds?.length ?? 0) > 0, 'never an empty message').toBe(true);
          if (m.content !== undefined) expect(m.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
          const embeds = m.embeds ?? [];
          expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
          expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
          for (const e of embeds) {
            expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
            expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
            expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
          }
          for (const t of discordTexts(m)) {
            expect(t, 'no raw @everyone/@here').not.toMatch(/@(?:everyone|here)/i);
            expect(t, 'no user, role or channel mention').not.toMatch(/<(?:@[!&]?|#)\d/);
            expect(t, 'no user mention by name form').not.toMatch(/<@[!&]?[A-Za-z0-9]/);
          }
        }
      }),
      RUNS,
    );
  });
});

/** C0 controls other than newline and tab, DEL and the C1 controls (CSI 0x9b among them): what moves a cursor or sets colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('plain renderer (fast-check)', () => {
  it('never passes a terminal control character (ESC sequences, CR, backspace, CSI) through', () => {
    fc.assert(
      fc.property(replyArb, (reply) => {
        const out = renderPlain(reply);
        expect(out).not.toMatch(TERMINAL_CONTROL);
        expect(out.endsWith('\n')).toBe(true);
      }),
      RUNS,
    );
  });

  it('shows an escape sequence from an article as visible, inert text', () => {
    const out = renderPlain({ blocks: [{ type: 'text', text: 'Red \u001b[31malert\u001b[0m\r\nnext\rover' }] });
    expect(out).not.toMatch(TERMINAL_CONTROL);
    expect(out).toContain('alert');
    expect(out).toContain('next');
    expect(out).toContain('over');
  });
});

describe('renderer bugs the properties found (one case each)', () => {
  const cite = (title: string, url?: string): Citation => ({ articleId: 'a', title, paragraph: 1, url });

  it('Slack: a very long citation title still leaves the section within 3000 characters', () => {
    const [m] = renderSlack({
      blocks: [{ type: 'bullet', text: 'x', citation: cite('T'.repeat(5000), 'https://e.x/a') }],
    });
    const section = m?.blocks[0];
    expect(section?.type === 'section' ? section.text.text.length : 0).toBeLessThanOrEqual(3000);
  });

  it('Slack: a very long speaker still leaves the quote section within 3000 characters', () => {
    const [m] = renderSlack({ blocks: [{ type: 'quote', text: 'We won.', speaker: 'S'.repeat(5000) }] });
    const section = m?.blocks[0];
    expect(section?.type === 'section' ? section.text.text.length : 0).toBeLessThanOrEqual(3000);
  });

  it('Slack: the notification text never ends inside a citation link', () => {
    const [m] = renderSlack({
      blocks: [{ type: 'bullet', text: 'x', citation: cite('T'.repeat(400), 'https://e.x/a') }],
    });
    expect(m?.text).not.toContain('<');
  });

  it('Discord: a channel mention <#id> from the input is neutralised', () => {
    const [m] = renderDiscord({ blocks: [{ type: 'text', text: 'see <#123456789012345678>' }] });
    expect(m?.content).not.toMatch(/<#\d/);
  });

  it('Discord: a footer after a full embed moves to its own embed, keeping 6000 a message', () => {
    const messages = renderDiscord({
      blocks: [
        { type: 'heading', text: 'H'.repeat(300) },
        { type: 'text', text: 'w '.repeat(2100) },
      ],
      more: 'm'.repeat(3000),
    });
    for (const m of messages) {
      expect((m.embeds ?? []).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
  });
});
