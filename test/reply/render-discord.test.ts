// The Discord renderer: embeds that keep every Discord limit, split or trimmed visibly, and never ping anyone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type Citation, failure, type Reply, r, reply } from '../../src/reply/model.js';
import { clip, DISCORD_LIMITS, embedLength, renderDiscord } from '../../src/reply/render-discord.js';
import { messageProblem } from '../helpers/fake-discord.js';

const cite: Citation = {
  articleId: 'a1',
  title: 'Trump and NATO',
  paragraph: 3,
  date: '2024-02-13',
  url: 'https://example.com/a1',
};

const everything = (messages: ReturnType<typeof renderDiscord>) =>
  messages
    .flatMap((m) => [m.content ?? '', ...(m.embeds ?? []).flatMap((e) => [e.title, e.description, e.footer?.text])])
    .join('\n');

describe('renderDiscord', () => {
  it('renders a heading as the embed title and blocks as its description', () => {
    const [m, ...rest] = renderDiscord(
      reply([
        r.heading('Brief: NATO'),
        r.bullet('Allies spend 2%.', cite),
        r.quote('We stand firm.', 'Jens Stoltenberg'),
      ]),
    );
    expect(rest).toEqual([]);
    expect(m?.embeds?.[0]?.title).toBe('Brief: NATO');
    expect(m?.embeds?.[0]?.description).toContain(
      '• Allies spend 2%. — [Trump and NATO, 2024-02-13, ¶3](<https://example.com/a1>)',
    );
    expect(m?.embeds?.[0]?.description).toContain('> “We stand firm.”\n> — **Jens Stoltenberg**');
  });

  it('renders a one-line notice as plain content', () => {
    expect(renderDiscord(failure('Unknown command /x.'))).toEqual([
      { content: 'Unknown command /x.', allowed_mentions: { parse: [] } },
    ]);
  });

  it('puts the follow-up command for more in the last footer', () => {
    const messages = renderDiscord(reply([r.heading('Brief'), r.text('a')], { more: '/brief nato page:2' }));
    expect(messages.at(-1)?.embeds?.at(-1)?.footer?.text).toBe('More: /brief nato page:2');
  });

  it('sets allowed_mentions parse [] on every message', () => {
    const long = Array.from({ length: 200 }, (_, i) => r.bullet(`fact ${i} ${'x'.repeat(200)}`));
    for (const m of renderDiscord(reply([r.heading('Many'), ...long]))) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('defuses @everyone, @here and user or role mentions in text', () => {
    const text = everything(
      renderDiscord(
        reply([r.heading('@everyone look'), r.text('hi @here and <@123> and <@&456>'), r.quote('@everyone', 'X')]),
      ),
    );
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&/);
    expect(text).toContain('@\u200beveryone');
  });

  it('escapes markdown in article text so it cannot restyle the reply', () => {
    const text = everything(renderDiscord(reply([r.heading('H'), r.text('*bold* _it_ `code` > quote')])));
    expect(text).toContain('\\*bold\\* \\_it\\_ \\`code\\`');
  });

  it('trims an over-long title with a visible ellipsis', () => {
    const title = renderDiscord(reply([r.heading('t'.repeat(400)), r.text('x')]))[0]?.embeds?.[0]?.title ?? '';
    expect(title.length).toBe(DISCORD_LIMITS.title);
    expect(title.endsWith('…')).toBe(true);
  });

  it('splits a long description over several embeds and messages without losing lines', () => {
    const bullets = Array.from({ length: 120 }, (_, i) => r.bullet(`fact number ${i} ${'y'.repeat(150)}`));
    const messages = renderDiscord(reply([r.heading('Long'), ...bullets]));
    expect(messages.length).toBeGreaterThan(1);
    const text = everything(messages);
    for (let i = 0; i < 120; i++) expect(text).toContain(`fact number ${i} `);
    for (const m of messages) expect(messageProblem(m)).toBeUndefined();
  });

  it('trims a single block longer than an embed with a visible ellipsis', () => {
    const messages = renderDiscord(reply([r.heading('Huge'), r.text('z'.repeat(10_000))]));
    const description = messages[0]?.embeds?.[0]?.description ?? '';
    expect(description.length).toBe(DISCORD_LIMITS.description);
    expect(description.endsWith('…')).toBe(true);
  });

  it('splits a long notice into messages of at most 2000 characters', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `line ${i} ${'w'.repeat(80)}`).join('\n');
    const messages = renderDiscord(failure(lines));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect((m.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(clip(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
  });

  it('keeps every Discord limit for any reply', () => {
    const text = fc.string({ maxLength: 3000, unit: 'grapheme' });
    const citation = fc.option(
      fc.record({
        articleId: fc.string(),
        title: fc.string({ maxLength: 400 }),
        paragraph: fc.nat(),
        url: fc.option(fc.webUrl(), { nil: undefined }),
      }),
      { nil: undefined },
    );
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('heading' as const), text }),
      fc.record({ type: fc.constant('text' as const), text }),
      fc.record({ type: fc.constant('bullet' as const), text, citation }),
      fc.record({
        type: fc.constant('quote' as const),
        text,
        speaker: fc.string({ maxLength: 300 }),
        role: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
        citation,
      }),
      fc.record({ type: fc.constant('context' as const), text }),
      fc.constant({ type: 'divider' as const }),
    );
    const replies: fc.Arbitrary<Reply> = fc.record({
      blocks: fc.array(block, { maxLength: 60 }),
      more: fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
      error: fc.boolean(),
    });
    fc.assert(
      fc.property(replies, (rep) => {
        const messages = renderDiscord(rep);
        expect(messages.length).toBeGreaterThan(0);
        for (const m of messages) {
          expect(messageProblem(m)).toBeUndefined();
          expect(m.allowed_mentions).toEqual({ parse: [] });
          const total = (m.embeds ?? []).reduce((n, e) => n + embedLength(e), 0);
          expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
        }
      }),
      { numRuns: 200 },
    );
  });
});
