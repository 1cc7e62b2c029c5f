// Topic briefs across several articles we wrote: selection, order, citations, merging, unknown topics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, FIXTURE_ARTICLES, type TestApp } from '../helpers/test-app.js';

const TOPICS = `
- name: NATO
  aliases: [North Atlantic Treaty Organization, the alliance]
- name: Ukraine
  aliases: [Ukrainian, Ukrainians, Kyiv]
- name: Sweden
  aliases: [Swedish]
`;

describe('brief across articles', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ articleDirs: [FIXTURE_ARTICLES], topicsYaml: TOPICS });
  });
  afterAll(() => app.close());

  it('loads the good fixture articles and skips the one with bad front matter', async () => {
    expect(await app.services.store.countArticles()).toBe(3);
  });

  it('selects only sentences about the topic, each citing its article and paragraph', async () => {
    const b = await app.services.briefing.brief('nato');
    expect(b.topic).toBe('NATO');
    expect(b.facts.length).toBeGreaterThan(0);
    for (const f of b.facts) {
      expect(f.text).toMatch(/NATO|alliance/);
      expect(f.citation.paragraph).toBeGreaterThan(0);
      expect(['2024-03-01-alliance-summit', '2024-03-05-spending-row']).toContain(f.citation.articleId);
    }
    expect(b.facts.some((f) => f.text.includes('Black Sea') || f.text.includes('grain'))).toBe(false);
  });

  it('merges a near-duplicate sentence found in two articles into one line citing both', async () => {
    const b = await app.services.briefing.brief('NATO');
    const eleven = b.facts.filter((f) => f.text.startsWith('Only eleven'));
    expect(eleven).toHaveLength(1);
    const cited = [eleven[0]?.citation.articleId, ...(eleven[0]?.alsoIn.map((c) => c.articleId) ?? [])].sort();
    expect(cited).toEqual(['2024-03-01-alliance-summit', '2024-03-05-spending-row']);
  });

  it('puts the newest article first among equally relevant lines', async () => {
    const b = await app.services.briefing.brief('nato');
    const dates = b.facts.map((f) => f.citation.date ?? '');
    const firstTierDate = dates[0];
    expect(firstTierDate).toBe('2024-03-05');
  });

  it('resolves a demonym through the topic aliases (Ukrainian -> Ukraine)', async () => {
    const b = await app.services.briefing.brief('Ukrainian');
    expect(b.topic).toBe('Ukraine');
    expect(b.facts.some((f) => f.citation.articleId === '2024-02-20-grain-exports')).toBe(true);
  });

  it('resolves case and plural forms', async () => {
    expect((await app.services.briefing.brief('ukraines')).topic).toBe('Ukraine');
    expect((await app.services.briefing.brief('the Alliance')).topic).toBe('NATO');
  });

  it.each([
    ['lindqvist', 'Maria Lindqvist', '2024-03-01-alliance-summit'],
    ['Marchenko', 'Olena Marchenko', '2024-02-20-grain-exports'],
    ['de vries', 'Pieter de Vries', '2024-03-05-spending-row'],
    ['Vries', 'Pieter de Vries', '2024-03-05-spending-row'],
  ])('resolves a person by surname (%s -> %s)', async (query, name, articleId) => {
    const b = await app.services.briefing.brief(query);
    expect(b.topic).toBe(name);
    const cited = [...b.facts, ...b.quotes].map((f) => f.citation.articleId);
    expect(cited).toContain(articleId);
  });

  it('answers an unknown topic with "no article mentions" and the closest known topics', async () => {
    const text = await app.ask('/brief natp');
    expect(text).toContain('No article mentions "natp"');
    expect(text).toContain('NATO');
    const b = await app.services.briefing.brief('narwhal migration');
    expect(b.topic).toBeNull();
    expect(b.facts).toEqual([]);
  });

  it('briefs on plain words that name no known topic or entity, from the sentences that use them', async () => {
    const b = await app.services.briefing.brief('grain');
    expect(b.topic).toBe('grain');
    expect(b.facts.length).toBeGreaterThan(0);
    for (const f of b.facts) {
      expect(f.text.toLowerCase()).toContain('grain');
      expect(f.citation.articleId).toBe('2024-02-20-grain-exports');
    }
    expect(await app.ask('/brief grain')).not.toContain('No article mentions');
    // Words no sentence uses, or no content word at all, still get "no article mentions".
    expect((await app.services.briefing.brief('the')).topic).toBeNull();
  });

  it('shows quotes on the topic verbatim with speaker and role, and a reply from a side as another voice', async () => {
    const b = await app.services.briefing.brief('nato');
    const speakers = b.quotes.map((q) => q.speaker);
    expect(speakers).toContain('Pieter de Vries');
    const vries = b.quotes.find((q) => q.speaker === 'Pieter de Vries');
    expect(vries?.role).toMatch(/Dutch prime minister/);
    for (const q of [...b.quotes, ...b.otherVoices]) {
      const article = await app.services.store.getArticle(q.citation.articleId);
      expect(article?.body).toContain(q.text);
    }
    expect(b.otherVoices.map((q) => q.speaker)).toContain('Ana Costa');
  });

  it('keeps a brief within a chat-sized budget and offers more', async () => {
    const b = await app.services.briefing.brief('nato');
    expect(b.facts.length).toBeLessThanOrEqual(6);
    const text = await app.ask('/brief nato');
    expect(text.length).toBeLessThan(4000);
  });
});
