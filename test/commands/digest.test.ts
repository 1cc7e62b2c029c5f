// /digest through the dispatcher: text parsing, defaults, rights, list with a disabled reason, preview reasons.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invoker } from '../../commands/define-command.js';
import { parseSubscribeArgs } from '../../commands/digest.js';
import { commands } from '../../commands/index.js';
import { createBriefing } from '../../src/briefing/create-briefing.js';
import { createManualClock } from '../../src/clock.js';
import { createDispatcher, type Dispatcher } from '../../src/dispatch.js';
import { createLogger } from '../../src/logger.js';
import { renderPlain } from '../../src/reply/render-plain.js';
import { createDigestService } from '../../src/scheduler/digest-service.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { sampleArticles } from '../store/fixtures.js';

const consoleInvoker: Invoker = { platform: 'console', userId: 'me', channelId: 'console', canManageChannel: true };
const member: Invoker = { platform: 'slack', userId: 'U1', channelId: 'C1', canManageChannel: false };

describe('parseSubscribeArgs', () => {
  it.each([
    ['07:30 Europe/Paris nato ukraine', { schedule: '07:30', timeZone: 'Europe/Paris', topics: ['nato', 'ukraine'] }],
    ['nato', { topics: ['nato'] }],
    ['', { topics: [] }],
    ['UTC nato, "john bolton"', { timeZone: 'UTC', topics: ['nato', 'john bolton'] }],
    ['"0 8 * * 1-5" America/New_York', { schedule: '0 8 * * 1-5', timeZone: 'America/New_York', topics: [] }],
    ['0 8 * * 1-5 nato', { schedule: '0 8 * * 1-5', topics: ['nato'] }],
    ['poland', { topics: ['poland'] }],
  ])('reads %j', (text, expected) => {
    expect(parseSubscribeArgs(text)).toEqual(expected);
  });
});

describe('/digest', () => {
  let dir: string;
  let store: Store;
  let dispatcher: Dispatcher;
  const clock = createManualClock('2024-03-28T12:00:00Z');

  const run = async (text: string, invoker: Invoker = consoleInvoker) =>
    renderPlain(await dispatcher.run('digest', { text }, invoker));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-digest-cmd-'));
    clock.set('2024-03-28T12:00:00Z');
    store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock });
    const catalog = [{ name: 'NATO', aliases: ['the alliance'] }];
    dispatcher = createDispatcher(commands, {
      store,
      briefing: createBriefing({ store, topics: () => catalog }),
      clock,
      logger: createLogger({ level: 'silent' }),
      digests: createDigestService({ store, clock, timeZone: 'UTC', catalog: () => catalog }),
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('subscribes the console from `subscribe 07:30 Europe/Paris nato ukraine`', async () => {
    const out = await run('subscribe 07:30 Europe/Paris nato ukraine');
    expect(out).toContain('07:30 daily (Europe/Paris), on nato, ukraine');
    expect(await store.getSubscription('console', 'console')).toMatchObject({
      schedule: '30 7 * * *',
      timeZone: 'Europe/Paris',
      topics: ['nato', 'ukraine'],
    });
  });

  it('uses 08:00, DIGEST_TIMEZONE and every topic by default', async () => {
    await run('subscribe');
    expect(await store.getSubscription('console', 'console')).toMatchObject({
      schedule: '0 8 * * *',
      timeZone: 'UTC',
      topics: [],
    });
  });

  it('takes name:value options too', async () => {
    await run('subscribe time:06:45 timezone:Asia/Tokyo topics:"nato, ukraine" quiet:yes');
    expect(await store.getSubscription('console', 'console')).toMatchObject({
      schedule: '45 6 * * *',
      timeZone: 'Asia/Tokyo',
      topics: ['nato', 'ukraine'],
      quietWhenEmpty: true,
    });
  });

  it('explains a bad time or time zone', async () => {
    expect(await run('subscribe 25:00')).toContain('is not a time');
    expect(await run('subscribe 08:00 Mars/Olympus')).toContain('is not an IANA time zone');
  });

  it('needs channel-manager rights to subscribe and unsubscribe, not to list or preview', async () => {
    expect(await run('subscribe 08:00', member)).toContain('you need permission to manage this channel');
    expect(await run('unsubscribe', member)).toContain('you need permission to manage this channel');
    expect(await run('list', member)).toContain('No digest subscription here');
    expect(await run('preview', member)).toContain('Digest preview');
  });

  it('lists the subscription, with the reason when it was disabled', async () => {
    await run('subscribe 07:30 nato');
    expect(await run('list')).toContain('07:30 daily (UTC), on nato');
    const sub = await store.getSubscription('console', 'console');
    await store.disableSubscription(sub?.id ?? '', 'channel_not_found: the channel is gone', clock.now());
    expect(await run('list')).toContain('DISABLED (channel_not_found: the channel is gone)');
  });

  it('unsubscribes', async () => {
    await run('subscribe');
    expect(await run('unsubscribe')).toContain('Unsubscribed');
    expect(await run('unsubscribe')).toContain('no digest subscription');
  });

  it('previews what would be sent now, with why each article is in or out', async () => {
    await run('subscribe 08:00 UTC nato');
    clock.advance(60_000);
    for (const { article, analysis } of sampleArticles()) await store.upsertArticle(article, analysis);
    const out = await run('preview');
    expect(out).toContain('2 in, 1 out');
    expect(out).toContain('in: Alliance leaders meet at the summit (about NATO)');
    expect(out).toContain('out: Grain exports resume from Odesa (not about nato)');
    expect(out).toContain('Newsdesk digest:');
  });
});
