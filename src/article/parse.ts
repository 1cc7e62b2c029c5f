// Raw article files -> Article: Markdown with YAML front matter, or plain text with a `date` line.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { NewsdeskError } from '../errors.js';
import { type Article, articleMetaSchema, MAX_ARTICLE_CHARS } from './schema.js';

/** An article that cannot be read; the message names the reason, `origin` the file or URL. */
export class ArticleError extends NewsdeskError {
  readonly origin: string;
  readonly reason: string;
  constructor(origin: string, reason: string) {
    super('article_invalid', `${origin}: ${reason}`);
    this.name = 'ArticleError';
    this.origin = origin;
    this.reason = reason;
  }
}

export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The id of an article file: its name without extension, in a URL- and chat-safe form. */
export function articleIdFromPath(path: string): string {
  return basename(path, extname(path))
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const DATE_LINE = /^\uFEFF?\s*date[ \t]+(\S+)[ \t]*(?:\r?\n|$)/i;

/** A title for plain-text articles: the first sentence, shortened at a word boundary. */
function titleFromBody(body: string): string {
  const first = body.trim().split(/\n/)[0] ?? '';
  const sentence = first.split(/(?<=[.!?])\s/)[0] ?? first;
  if (sentence.length <= 90) return sentence;
  const cut = sentence.slice(0, 90);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 90)}…`;
}

function issuesText(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || 'front matter'}: ${i.message}`).join('; ');
}

/** Parses one article file's content. Throws ArticleError with the origin and the reason. */
export function parseArticle(origin: string, content: string, id = articleIdFromPath(origin)): Article {
  if (content.length > MAX_ARTICLE_CHARS) {
    throw new ArticleError(origin, `too large (${content.length} characters; the limit is ${MAX_ARTICLE_CHARS})`);
  }
  if (!id) throw new ArticleError(origin, 'the file name gives no usable id');
  const hash = contentHash(content);
  const fm = FRONT_MATTER.exec(content);
  if (fm) {
    let data: unknown;
    try {
      data = parseYaml(fm[1] ?? '', { schema: 'core' });
    } catch (error) {
      throw new ArticleError(origin, `bad front matter: ${(error as Error).message.split('\n')[0]}`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ArticleError(origin, 'bad front matter: expected key: value lines (title, date, source, url, author)');
    }
    const meta = articleMetaSchema.safeParse(data);
    if (!meta.success) throw new ArticleError(origin, `bad front matter: ${issuesText(meta.error)}`);
    const body = content.slice(fm[0].length).replace(/^\s*\n/, '');
    if (!body.trim()) throw new ArticleError(origin, 'empty body');
    return { id, ...meta.data, body, hash, origin };
  }
  if (content.trimStart().startsWith('---')) {
    throw new ArticleError(origin, 'bad front matter: no closing --- line');
  }
  const dateLine = DATE_LINE.exec(content);
  if (!dateLine) {
    throw new ArticleError(origin, 'no date: start with YAML front matter (---) or a line `date YYYY-MM-DD`');
  }
  const body = content.slice(dateLine[0].length).replace(/^\s*\n/, '');
  if (!body.trim()) throw new ArticleError(origin, 'empty body');
  const meta = articleMetaSchema.safeParse({ title: titleFromBody(body), date: dateLine[1], source: 'unknown' });
  if (!meta.success) throw new ArticleError(origin, issuesText(meta.error));
  return { id, ...meta.data, body, hash, origin };
}
