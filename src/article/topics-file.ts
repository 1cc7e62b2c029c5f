// Reads content/topics.yaml: the curated topics and their aliases.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NewsdeskError } from '../errors.js';
import type { TopicCatalog } from '../nlp/topics.js';

const topicsSchema = z.array(
  z.object({
    name: z.string().trim().min(1).max(100),
    aliases: z.array(z.string().trim().min(1).max(100)).default([]),
  }),
);

/** The topic catalog; a missing file is an empty catalog, a malformed one an error naming the file. */
export async function loadTopicCatalog(path: string): Promise<TopicCatalog> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? [];
  } catch (error) {
    throw new NewsdeskError('topics_invalid', `${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = topicsSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new NewsdeskError('topics_invalid', `${path}: ${first?.path.join('.') ?? ''} ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
