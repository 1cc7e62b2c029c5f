// Every command on the seed article, through the dispatcher and the plain-text renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('commands on the seed article', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('/brief nato gives cited NATO facts and Bolton and Kelly quotes with their roles', async () => {
    const text = await app.ask('/brief nato');
    expect(text).toContain('Brief: NATO');
    expect(text).toMatch(/• .*NATO.*¶\d+\]/);
    expect(text).toMatch(/— John Bolton, Trump's former national security adviser/);
    expect(text).toMatch(/— John Kelly, [^\n(]*Gen\./);
  });

  it('/brief nato gives the Trump campaign reply as another voice', async () => {
    const b = await app.services.briefing.brief('nato');
    expect(b.otherVoices.map((q) => q.speaker)).toContain('Jason Miller');
    expect(b.otherVoices[0]?.role).toMatch(/campaign/i);
  });

  it('/brief shows quotes only verbatim', async () => {
    const b = await app.services.briefing.brief('nato');
    const article = await app.services.store.getArticle('2024-02-13-trump-nato');
    for (const q of [...b.quotes, ...b.otherVoices]) expect(article?.body).toContain(q.text);
  });

  it('/whosaid finds John Kelly for "putin was a good guy", with the exact words and context', async () => {
    const text = await app.ask('/whosaid putin was a good guy');
    expect(text).toMatch(/^\s*John Kelly/m);
    expect(text).toContain('Putin was a good guy');
    expect(text).toContain('Context (¶');
  });

  it('/whosaid says plainly when nobody said it, and shows the closest quotes', async () => {
    const text = await app.ask('/whosaid the moon is made of cheese');
    expect(text).toContain('Nobody in these articles said "the moon is made of cheese".');
  });

  it('/quotes bolton lists what Bolton said, verbatim, with his role', async () => {
    const text = await app.ask('/quotes bolton');
    expect(text).toMatch(/^\s*John Bolton, Trump's former national security adviser/m);
    expect(text).toContain('I think he would try to get out of it.');
  });

  it("/quotes keeps a quote nested in Bolton's account with its own speaker, and marks reported speech", async () => {
    const bolton = await app.ask('/quotes bolton');
    expect(bolton).not.toContain('This is Taiwan.');
    expect(bolton).toMatch(/• Reported \(John Bolton, [^)]*according to\): his view is that Taiwan is too small/);
    expect(await app.ask('/quotes trump')).toContain('“This is Taiwan.”');
  });

  it('/quotes for someone never quoted says so', async () => {
    expect(await app.ask('/quotes zelensky')).toMatch(/No quotes from "zelensky"/);
  });

  it('/summary gives the newest article with its source and date', async () => {
    const text = await app.ask('/summary');
    expect(text).toContain('CNN, 2024-02-13');
    expect(text.split('\n').filter((l) => l.startsWith('• ')).length).toBeGreaterThan(0);
  });

  it('/summary for an unknown article explains how to find one', async () => {
    expect(await app.ask('/summary penguins')).toContain('No article matches "penguins"');
  });

  it('/topics lists NATO with its article count', async () => {
    expect(await app.ask('/topics')).toMatch(/• NATO \(1 article\)/);
  });

  it('/help lists every command', async () => {
    const text = await app.ask('/help');
    for (const name of ['brief', 'summary', 'whosaid', 'quotes', 'topics', 'help']) expect(text).toContain(`/${name}`);
  });

  it.each([
    ['/brief', '/brief: topic is required'],
    [`/brief ${'x'.repeat(101)}`, '/brief: topic is too long (at most 100 characters)'],
    ['/whosaid a', '/whosaid: words is too short'],
    ['/nosuchcommand', 'Unknown command /nosuchcommand. Try /help.'],
  ])('answers bad input %s with one friendly line', async (line, expected) => {
    const text = await app.ask(line);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toContain(expected);
  });
});
