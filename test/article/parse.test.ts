// The article loader: good files in both formats, and every kind of bad file reported with its reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleDir } from '../../src/article/load.js';
import { ArticleError, parseArticle } from '../../src/article/parse.js';
import { MAX_ARTICLE_CHARS } from '../../src/article/schema.js';
import { useTempDir } from '../helpers/temp-dir.js';

const GOOD_MD = `---
title: Harbour reopens
date: 2024-05-02
source: Test Wire
url: https://example.test/harbour
author: Jo Reporter
---

The harbour reopened on Thursday.

"It is a relief," said the mayor.
`;

describe('parseArticle', () => {
  it('reads Markdown with YAML front matter and keeps the body verbatim', () => {
    const a = parseArticle('/x/2024-05-02-harbour.md', GOOD_MD);
    expect(a).toMatchObject({
      id: '2024-05-02-harbour',
      title: 'Harbour reopens',
      date: '2024-05-02',
      source: 'Test Wire',
      url: 'https://example.test/harbour',
      author: 'Jo Reporter',
    });
    expect(a.body).toBe('The harbour reopened on Thursday.\n\n"It is a relief," said the mayor.\n');
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads plain text that starts with a date line', () => {
    const a = parseArticle('/x/note.txt', ' date 2024-02-13 \n\n\n\nFirst paragraph here. Second sentence.\n\nMore.');
    expect(a.date).toBe('2024-02-13');
    expect(a.body.startsWith('First paragraph here.')).toBe(true);
    expect(a.title).toBe('First paragraph here.');
    expect(a.source).toBe('unknown');
  });

  it('gives the same hash for the same content and another for changed content', () => {
    expect(parseArticle('a.md', GOOD_MD).hash).toBe(parseArticle('b.md', GOOD_MD).hash);
    expect(parseArticle('a.md', GOOD_MD).hash).not.toBe(parseArticle('a.md', `${GOOD_MD}!`).hash);
  });

  it.each([
    ['bad YAML', '---\ntitle: [oops\ndate: 2024-01-01\n---\nBody.', /bad front matter/],
    ['no closing front matter', '---\ntitle: x\ndate: 2024-01-01\nBody.', /no closing ---/],
    ['no date in front matter', '---\ntitle: x\nsource: y\n---\nBody.', /date/],
    ['an impossible date', '---\ntitle: x\ndate: 2024-13-45\n---\nBody.', /date/],
    ['an empty title', '---\ntitle: ""\ndate: 2024-01-01\n---\nBody.', /title/],
    ['an empty body', '---\ntitle: x\ndate: 2024-01-01\n---\n\n   \n', /empty body/],
    ['plain text with no date line', 'Just some text.\n\nMore text.', /no date/],
    ['plain text with a bad date', 'date 2024/01/01\n\nText.', /date/],
    ['a date line and no body', 'date 2024-01-01\n\n', /empty body/],
    ['a list as front matter', '---\n- a\n- b\n---\nBody.', /key: value/],
  ])('refuses %s with a reason naming the file', (_name, content, reason) => {
    let error: unknown;
    try {
      parseArticle('/content/articles/bad.md', content);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArticleError);
    expect((error as ArticleError).message).toContain('/content/articles/bad.md');
    expect((error as ArticleError).reason).toMatch(reason);
  });

  it('refuses an article over the size cap instead of truncating it', () => {
    const huge = `date 2024-01-01\n\n${'word '.repeat(MAX_ARTICLE_CHARS / 5 + 10)}`;
    expect(() => parseArticle('big.txt', huge)).toThrow(/too large/);
  });
});

describe('loadArticleDir', () => {
  it('loads every good file and reports each bad one with its path and reason', async () => {
    const dir = useTempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'good.md'), GOOD_MD);
    writeFileSync(join(dir, 'sub', 'plain.txt'), 'date 2024-01-02\n\nA plain article.');
    writeFileSync(join(dir, 'broken.md'), '---\ntitle: [x\n---\nBody');
    writeFileSync(join(dir, 'nodate.txt'), 'No date here.');
    writeFileSync(join(dir, 'notes.json'), '{}');
    writeFileSync(join(dir, '.hidden.md'), GOOD_MD);
    const { articles, problems } = await loadArticleDir(dir);
    expect(articles.map((a) => a.id).sort()).toEqual(['good', 'plain']);
    expect(problems.map((p) => [p.path.replace(dir, ''), p.reason.split(':')[0]]).sort()).toEqual([
      ['/broken.md', 'bad front matter'],
      ['/nodate.txt', 'no date'],
    ]);
  });

  it('reports two files with the same id instead of letting one overwrite the other', async () => {
    const dir = useTempDir();
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'story.md'), GOOD_MD);
    writeFileSync(join(dir, 'a', 'story.txt'), 'date 2024-01-02\n\nAnother story.');
    const { articles, problems } = await loadArticleDir(dir);
    expect(articles).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(/same id 'story'/);
  });

  it('loads the bundled seed article from content/', async () => {
    const { articles, problems } = await loadArticleDir(new URL('../../content/articles', import.meta.url).pathname);
    expect(problems).toEqual([]);
    const seed = articles.find((a) => a.id === '2024-02-13-trump-nato');
    expect(seed).toMatchObject({ date: '2024-02-13', source: 'CNN' });
    expect(seed?.body).toContain('NATO would be in real danger, acknowledged John Bolton');
  });
});
