// Loads every article file in a folder; a bad file is reported with its reason and the rest still load.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { errorMessage } from '../errors.js';
import { ArticleError, parseArticle } from './parse.js';
import { type Article, MAX_ARTICLE_CHARS } from './schema.js';

/** A UTF-8 file holds at most 4 bytes a character (a UTF-16 unit takes at least 1 byte). */
const MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS;

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export interface LoadProblem {
  path: string;
  reason: string;
}

export interface LoadResult {
  articles: Article[];
  problems: LoadProblem[];
}

function isArticleFile(name: string): boolean {
  return !name.startsWith('.') && ARTICLE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
}

/** Article file paths under a folder (recursively), sorted for a stable order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && isArticleFile(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

/** Reads and validates one article file. */
export async function loadArticleFile(path: string, root?: string): Promise<Article> {
  const info = await stat(path);
  const shown = root ? relative(root, path) || path : path;
  // A cheap check before reading: no file over the byte limit can be under MAX_ARTICLE_CHARS characters.
  if (info.size > MAX_ARTICLE_BYTES) {
    throw new ArticleError(shown, `too large (${info.size} bytes; the limit is ${MAX_ARTICLE_BYTES} bytes)`);
  }
  return parseArticle(path, await readFile(path, 'utf8'));
}

/** Loads every article under `dir`; problems name the file and the reason. Duplicate ids are problems too. */
export async function loadArticleDir(dir: string): Promise<LoadResult> {
  return loadArticleFiles(await listArticleFiles(dir), new Map());
}

/** Loads these files; `seen` (id -> path) carries across calls so a duplicate id in a later batch is caught. */
export async function loadArticleFiles(paths: readonly string[], seen: Map<string, string>): Promise<LoadResult> {
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  for (const path of paths) {
    try {
      const article = await loadArticleFile(path);
      const other = seen.get(article.id);
      if (other) {
        problems.push({ path, reason: `same id '${article.id}' as ${other}; rename one of them` });
        continue;
      }
      seen.set(article.id, path);
      articles.push(article);
    } catch (error) {
      problems.push({ path, reason: error instanceof ArticleError ? error.reason : errorMessage(error) });
    }
  }
  return { articles, problems };
}
