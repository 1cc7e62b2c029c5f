// The Article schema: one news article as loaded from content/ or a feed, validated with zod.
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'is not a real date');

/** Front matter of a Markdown article. */
export const articleMetaSchema = z.object({
  title: z.string().trim().min(1, 'title is empty').max(500),
  date: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate),
  source: z.string().trim().min(1).max(200).default('unknown'),
  url: z.url().optional(),
  author: z.string().trim().max(300).optional(),
});

export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export interface Article extends ArticleMeta {
  /** Stable id: the file name without extension, or a feed item's id. */
  id: string;
  /** Body text, verbatim. */
  body: string;
  /** sha256 of the source content: unchanged files are not analysed again. */
  hash: string;
  /** Where it came from: a path or a URL. */
  origin: string;
}

/** The largest article body we read; larger ones are refused with a reason, never truncated. */
export const MAX_ARTICLE_CHARS = 2_000_000;
