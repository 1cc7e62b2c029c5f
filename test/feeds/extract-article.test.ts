// Article pages: title, date, author and main text, with navigation, "most read" lists and footers left out.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/feeds/extract-article.js';
import { htmlToParagraphs } from '../../src/feeds/html-text.js';
import { fixture } from './feed-server.js';

const URL = 'http://127.0.0.1:8080/articles/taichung.html';

describe('extractArticle', () => {
  const page = extractArticle(fixture('article.html'), URL);

  it('reads title, date, author and site name from the page', () => {
    expect(page?.title).toBe('Taiwan opens a deep-water berth in Taichung');
    expect(page?.date).toBe('2024-03-04');
    expect(page?.author).toBe('Grace Wu');
    expect(page?.siteName).toBe('Harbour Wire');
  });

  it('keeps the story as paragraphs', () => {
    const paragraphs = page?.text.split('\n\n') ?? [];
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Taiwan opened a new deep-water berth/);
    expect(paragraphs[1]).toContain('said Lin Shu-fen');
  });

  it.each([
    ['navigation', 'Subscribe to our newsletter'],
    ['the "most read" list', 'floating restaurant'],
    ['the "most read" heading', 'Most read'],
    ['trending boxes', 'Lighthouse keeper'],
    ['the footer', 'All rights reserved'],
    ['the byline line', 'By Grace Wu'],
  ])('leaves out %s', (_what, text) => {
    expect(page?.text).not.toContain(text);
  });

  it('returns undefined for a page without article text', () => {
    expect(extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', URL)).toBeUndefined();
  });
});

describe('htmlToParagraphs', () => {
  it('splits blocks and line breaks into paragraphs and drops scripts', () => {
    expect(htmlToParagraphs('<p>One <b>two</b></p><script>x()</script><div>Three</div>Four')).toEqual([
      'One two',
      'Three',
      'Four',
    ]);
  });

  it('splits plain text on blank lines', () => {
    expect(htmlToParagraphs('First line.\n\nSecond  line.')).toEqual(['First line.', 'Second line.']);
  });
});
