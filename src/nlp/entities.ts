// Entities: people, organisations and places named in an article, with their aliases and roles.
import type { TopicCatalog } from './topics.js';
import type { Entity, Paragraph, Sentence } from './types.js';

export function extractEntities(
  _body: string,
  _paragraphs: readonly Paragraph[],
  _sentences: readonly Sentence[],
  _catalog: TopicCatalog,
): Entity[] {
  return [];
}
