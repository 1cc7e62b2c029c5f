// /summary's citations: each line names the paragraph its sentence comes from, compressed or not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBriefing } from '../../src/briefing/create-briefing.js';
import { createManualClock } from '../../src/clock.js';
import { analyseText } from '../../src/nlp/analyse.js';
import { createSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

const BODY = [
  'The Portwick council approved a plan on Tuesday to rebuild the harbour wall after the winter storms.',
  'Anna Kerr, a retired schoolteacher, leads the harbour campaign that asked the council for the plan.',
  'The harbour wall was damaged in three storms in January, flooding forty homes near the quay.',
].join('\n\n');

const article = {
  id: 'harbour',
  title: 'Harbour wall to be rebuilt',
  date: '2024-03-05',
  source: 'Test Wire',
  body: BODY,
  hash: 'h1',
  origin: 'test/harbour.md',
};

describe('/summary citations', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-summary-'));
    store = createSqliteStore({ path: join(dir, 'newsdesk.db'), clock: createManualClock('2024-03-06T12:00:00Z') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cites the paragraph of a compressed line, which is no longer a substring of its sentence', async () => {
    await store.upsertArticle(article, analyseText(BODY));
    const s = await createBriefing({ store, topics: () => [] }).summary('harbour');
    const kerr = s.sentences.find((x) => x.text.startsWith('Anna Kerr'));
    expect(kerr).toEqual({
      text: 'Anna Kerr leads the harbour campaign that asked the council for the plan.',
      paragraph: 2,
    });
  });

  it('finds the paragraph by text for a reading stored before lines carried one', async () => {
    const { summaryParagraphs: _dropped, ...old } = analyseText(BODY);
    // Before version 9 a summary was whole sentences, and the reading said nothing of their paragraphs.
    await store.upsertArticle(article, { ...old, summary: old.sentences.map((x) => x.text) });
    const s = await createBriefing({ store, topics: () => [] }).summary('harbour');
    expect(s.sentences.map((x) => x.paragraph)).toEqual([1, 2, 3]);
  });
});
