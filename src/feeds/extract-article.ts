// Article pages -> title, date, author and main text (Mozilla Readability on a linkedom DOM), without page chrome.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { nodeParagraphs } from './html-text.js';

export interface ExtractedArticle {
  title: string;
  /** YYYY-MM-DD when the page says when it was published. */
  date?: string | undefined;
  author?: string | undefined;
  siteName?: string | undefined;
  /** Main text, paragraphs separated by blank lines. */
  text: string;
}

/**
 * Page chrome that Readability can keep when a site marks it oddly: navigation, "most read" and
 * "related" lists, share bars, newsletters, cookie banners, footers. Removed before it scores the page.
 */
const CHROME_TAGS = 'nav, footer, aside, header, form, menu, dialog, script, style, noscript';
const CHROME_WORDS =
  /(^|[-_\s])(nav|navbar|navigation|menu|breadcrumbs?|most[-_]?(read|popular|viewed|shared)|popular|trending|related|recommended|promo|newsletter|subscribe|share|sharing|social|cookie|consent|footer|site-?footer|sidebar|comments?|advert|ad-slot|banner)([-_\s]|$)/i;
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

interface Element {
  tagName: string;
  getAttribute(name: string): string | null;
  closest(selector: string): Element | null;
  querySelector(selector: string): Element | null;
  remove(): void;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value.trim());
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}

function meta(document: { querySelector(s: string): Element | null }, ...names: string[]): string | undefined {
  for (const name of names) {
    const el =
      document.querySelector(`meta[property="${name}"]`) ??
      document.querySelector(`meta[name="${name}"]`) ??
      document.querySelector(`meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

const KEEP_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);
const STORY = 'article, main, [itemprop="articleBody"]';

/** Never removes the story itself: not its container, nor anything holding it. */
function isStory(el: Element): boolean {
  return KEEP_TAGS.has(el.tagName.toUpperCase()) || el.querySelector(STORY) !== null;
}

function stripChrome(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(CHROME_TAGS))) {
    // An article's own header holds its title and byline.
    if (el.tagName.toUpperCase() === 'HEADER' && el.closest('article')) continue;
    if (!isStory(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id], [role], [aria-label]'))) {
    const role = el.getAttribute('role');
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('aria-label') ?? ''}`;
    if (((role && CHROME_ROLES.has(role)) || CHROME_WORDS.test(label)) && !isStory(el)) el.remove();
  }
}

/** Reads one article page. Returns undefined when the page has no article-like text. */
export function extractArticle(html: string, url: string): ExtractedArticle | undefined {
  const { document } = parseHTML(html);
  const date =
    isoDay(meta(document, 'article:published_time', 'datePublished', 'date', 'DC.date.issued', 'pubdate')) ??
    isoDay(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  const metaAuthor = meta(document, 'author', 'article:author', 'byl');
  const metaTitle = meta(document, 'og:title', 'twitter:title');
  stripChrome(document.documentElement as unknown as Element);
  // Readability resolves relative links against these; linkedom leaves them empty.
  for (const key of ['baseURI', 'documentURI']) {
    Object.defineProperty(document, key, { value: url, configurable: true });
  }
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    charThreshold: 200,
  }).parse();
  if (!parsed?.content) return undefined;
  const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
  const author = (parsed.byline ?? metaAuthor)?.replace(/^by\s+/i, '').trim() || undefined;
  // A byline line ("By Grace Wu") is metadata, not the first paragraph of the story.
  const paragraphs = nodeParagraphs(content.body as unknown as Parameters<typeof nodeParagraphs>[0]).filter(
    (p) => !(p.length < 80 && /^by\s/i.test(p) && (!author || p.toLowerCase().includes(author.toLowerCase()))),
  );
  const text = paragraphs.join('\n\n');
  if (!text.trim()) return undefined;
  const title = (parsed.title ?? metaTitle ?? '').trim() || (paragraphs[0] ?? '').slice(0, 120);
  return {
    title,
    date: date ?? isoDay(parsed.publishedTime),
    author,
    siteName: parsed.siteName?.trim() || undefined,
    text,
  };
}
