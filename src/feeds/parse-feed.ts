// RSS 2.0 / RSS 1.0, Atom and JSON Feed documents -> one neutral list of feed items.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NewsdeskError } from '../errors.js';
import { htmlToLine } from './html-text.js';

export interface FeedItem {
  /** guid / Atom id / JSON Feed id, as the feed gives it. */
  guid?: string | undefined;
  /** Absolute link to the article page. */
  link?: string | undefined;
  title: string;
  /** As the feed gives it (RFC 822 or ISO 8601). */
  published?: string | undefined;
  author?: string | undefined;
  /** Full content (HTML or text) when the feed carries it. */
  content?: string | undefined;
  /** Description / summary: often only a teaser. */
  summary?: string | undefined;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'json';
  title?: string | undefined;
  link?: string | undefined;
  items: FeedItem[];
}

/** A document that is not a feed we can read; the message says why. */
export class FeedFormatError extends NewsdeskError {
  constructor(message: string) {
    super('feed_invalid', message);
    this.name = 'FeedFormatError';
  }
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'category', 'author', 'dc:creator'].includes(name),
});

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The text of an XML value: a string, or an element's #text (possibly in an array). */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return text(v[0]);
  if (isNode(v)) {
    if ('#text' in v) return text(v['#text']);
    // Atom type="xhtml": nested markup; keep its words.
    const parts = Object.entries(v)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, c]) => text(c))
      .filter(Boolean);
    return parts.join(' ') || undefined;
  }
  return undefined;
}

function absolute(link: string | undefined, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function line(v: unknown): string | undefined {
  const t = text(v);
  return t ? htmlToLine(t) || undefined : undefined;
}

function rssItems(items: unknown[], base: string): FeedItem[] {
  return items.filter(isNode).map((item) => {
    const guid = text(item.guid);
    const link = absolute(text(item.link), base) ?? (guid && /^https?:/i.test(guid) ? absolute(guid, base) : undefined);
    return {
      guid,
      link,
      title: line(item.title) ?? '',
      published: text(item.pubDate) ?? text(item['dc:date']),
      author: line(item['dc:creator']) ?? line(item.author),
      content: text(item['content:encoded']),
      summary: text(item.description),
    };
  });
}

function atomLink(links: unknown, base: string): string | undefined {
  const list = (Array.isArray(links) ? links : [links]).filter(isNode);
  const pick = list.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? list[0];
  return absolute(typeof pick?.['@_href'] === 'string' ? pick['@_href'] : undefined, base);
}

function atomItems(entries: unknown[], base: string): FeedItem[] {
  return entries.filter(isNode).map((entry) => {
    const authors = Array.isArray(entry.author) ? entry.author.filter(isNode) : [];
    const author = authors
      .map((a) => line(a.name))
      .filter(Boolean)
      .join(', ');
    return {
      guid: text(entry.id),
      link: atomLink(entry.link, base),
      title: line(entry.title) ?? '',
      published: text(entry.published) ?? text(entry.updated),
      author: author || undefined,
      content: text(entry.content),
      summary: text(entry.summary),
    };
  });
}

function parseJsonFeed(body: string, base: string): ParsedFeed {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new FeedFormatError(`malformed JSON: ${(error as Error).message}`);
  }
  if (!isNode(data) || typeof data.version !== 'string' || !data.version.startsWith('https://jsonfeed.org/version/')) {
    throw new FeedFormatError('JSON, but not a JSON Feed (no jsonfeed.org version)');
  }
  const items = Array.isArray(data.items) ? data.items.filter(isNode) : [];
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    format: 'json',
    title: str(data.title),
    link: absolute(str(data.home_page_url), base),
    items: items.map((item) => {
      const authors = Array.isArray(item.authors) ? item.authors : isNode(item.author) ? [item.author] : [];
      const author = authors
        .filter(isNode)
        .map((a) => str(a.name))
        .filter(Boolean)
        .join(', ');
      const id = item.id;
      return {
        guid: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined,
        link: absolute(str(item.url) ?? str(item.external_url), base),
        title: str(item.title) ? htmlToLine(String(item.title)) : '',
        published: str(item.date_published) ?? str(item.date_modified),
        author: author || undefined,
        content: str(item.content_html) ?? str(item.content_text),
        summary: str(item.summary),
      };
    }),
  };
}

/** Whether a response looks like a feed rather than a web page. */
export function looksLikeFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|feed\+json|[/+]xml)/i.test(contentType)) return true;
  const head = body.trimStart().slice(0, 512);
  if (/^<(\?xml|rss|feed|rdf:RDF)\b/i.test(head)) return !/<html\b/i.test(head);
  return /json/i.test(contentType) || (head.startsWith('{') && head.includes('jsonfeed.org'));
}

/** Parses a feed document. Throws FeedFormatError for malformed or unknown documents. */
export function parseFeed(body: string, contentType: string, base: string): ParsedFeed {
  const start = body.trimStart();
  if (start.startsWith('{') || /json/i.test(contentType)) return parseJsonFeed(start, base);
  const valid = XMLValidator.validate(start);
  if (valid !== true) {
    throw new FeedFormatError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`);
  }
  const doc: unknown = parser.parse(start);
  if (!isNode(doc)) throw new FeedFormatError('empty document');
  const rss = doc.rss;
  if (isNode(rss)) {
    const channel = isNode(rss.channel) ? rss.channel : {};
    const items = Array.isArray(channel.item) ? channel.item : [];
    return {
      format: 'rss',
      title: line(channel.title),
      link: absolute(text(channel.link), base),
      items: rssItems(items, base),
    };
  }
  const rdf = doc['rdf:RDF'];
  if (isNode(rdf)) {
    const channel = isNode(rdf.channel) ? rdf.channel : {};
    return {
      format: 'rss',
      title: line(channel.title),
      link: absolute(text(channel.link), base),
      items: rssItems(Array.isArray(rdf.item) ? rdf.item : [], base),
    };
  }
  const feed = doc.feed;
  if (isNode(feed)) {
    return {
      format: 'atom',
      title: line(feed.title),
      link: atomLink(feed.link, base),
      items: atomItems(Array.isArray(feed.entry) ? feed.entry : [], base),
    };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
  throw new FeedFormatError(`not a feed: the document is <${root}>, not RSS, Atom or JSON Feed`);
}
