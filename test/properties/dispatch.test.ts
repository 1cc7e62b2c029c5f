// Property test of every command's input: random option values and text give an answer or one friendly line, never a throw.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoker } from '../../commands/define-command.js';
import type { Reply } from '../../src/reply/model.js';
import { renderPlain } from '../../src/reply/render-plain.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let app: TestApp;

beforeAll(async () => {
  // Rate limits off for this file: the point is what each input gets, not how many per minute.
  app = await createTestApp({
    env: { RATE_LIMIT_USER_PER_MINUTE: '1000000', RATE_LIMIT_CHANNEL_PER_MINUTE: '1000000' },
  });
});
afterAll(async () => {
  await app.close();
});

const HOSTILE = [
  '',
  ' ',
  'nato',
  'bolton',
  'page:2',
  'page:-1',
  'page:1e309',
  'page:NaN',
  'every:0',
  'every:99999999',
  'action:subscribe',
  'action:unsubscribe',
  'action:preview',
  'action:remove',
  'action:enable',
  'action:list',
  'action:nonsense',
  'url:"javascript:alert(1)"',
  'url:http://127.0.0.1:1/feed.xml',
  '"unclosed',
  '“curly”',
  '@everyone',
  '<!channel>',
  '<@U123>',
  '\u0000',
  '\u001b[2J',
  '\n',
  '\ud800',
  '%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder, as a user could type it
  '${process.env}',
  "'; DROP TABLE articles; --",
  'x'.repeat(101),
  'x'.repeat(301),
  'x'.repeat(2001),
];

const textInput = fc
  .array(
    fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 })),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(' '));

/** Any JSON-like value a platform could hand us as an option (Discord sends structured options). */
const optionValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.string({ maxLength: 10 }).map((s) => s.repeat(500)),
);

const invoker = fc.record({
  platform: fc.constantFrom<Invoker['platform']>('console', 'slack', 'discord'),
  userId: fc.constantFrom('u1', 'u2', '<@U1>'),
  channelId: fc.constantFrom('c1', 'c2', '#general'),
  canManageChannel: fc.boolean(),
});

/** A reply is a normal answer or a single friendly line: never a stack trace, never an internal error's text. */
function checkReply(reply: Reply): void {
  expect(Array.isArray(reply.blocks)).toBe(true);
  const plain = renderPlain(reply);
  expect(plain.trim().length).toBeGreaterThan(0);
  expect(plain).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|TypeError|ReferenceError|ZodError|SqliteError/);
  if (reply.error) {
    expect(reply.blocks).toHaveLength(1);
    const [b] = reply.blocks;
    expect(b?.type).toBe('text');
    const text = b?.type === 'text' ? b.text : '';
    expect(text.includes('\n'), `one line: ${JSON.stringify(text)}`).toBe(false);
    expect(text.length).toBeLessThanOrEqual(400);
  }
}

describe('every command takes any input (fast-check through dispatcher.run)', () => {
  it('covers every command in commands/index.ts', () => {
    expect(app.dispatcher.commands.map((c) => c.name).sort()).toEqual(
      ['brief', 'digest', 'help', 'quotes', 'sources', 'summary', 'topics', 'whosaid'].sort(),
    );
  });

  it('free text (console, Slack): an answer or one friendly line', async () => {
    const names = app.dispatcher.commands.map((c) => c.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), textInput, invoker, async (name, text, who) => {
        checkReply(await app.dispatcher.run(name, { text }, who));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('structured options (Discord), of any type and size: an answer or one friendly line', async () => {
    const commands = app.dispatcher.commands;
    const arb = fc
      .constantFrom(...commands)
      .chain((command) =>
        fc
          .record(
            Object.fromEntries(Object.keys(command.options.shape).map((key) => [key, optionValue])) as Record<
              string,
              fc.Arbitrary<unknown>
            >,
            { requiredKeys: [] },
          )
          .map((options) => ({ name: command.name, options })),
      );
    await fc.assert(
      fc.asyncProperty(arb, invoker, async ({ name, options }, who) => {
        checkReply(await app.dispatcher.run(name, { options }, who));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('unknown and odd command names: one friendly line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), invoker, async (name, who) => {
        checkReply(await app.dispatcher.run(name, { text: 'x' }, who));
      }),
      { numRuns: 50 },
    );
  });

  it('an over-long option names the cap in one line', async () => {
    const reply = await app.dispatcher.run(
      'brief',
      { text: 'x'.repeat(101) },
      {
        platform: 'console',
        userId: 'u',
        channelId: 'c',
        canManageChannel: true,
      },
    );
    expect(reply.error).toBe(true);
    expect(renderPlain(reply).trim()).toMatch(/^\/brief: topic is too long \(at most 100 characters\)/);
  });
});
