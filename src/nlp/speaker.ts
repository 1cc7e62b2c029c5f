// Speaker resolution: a mention (name, description, pronoun) -> the canonical entity it names.
import { type EntityMention, mentionIsPossessive } from './entities.js';
import { SOURCE_NOUNS } from './speech-verbs.js';
import { countStartingBefore } from './tokens.js';
import type { Entity } from './types.js';

/** A speaker as the text gives it: the local mention's offsets and the name it resolves to. */
export interface SpeakerMention {
  name: string;
  start: number;
  end: number;
  role: string | null;
}

export interface SpeakerContext {
  body: string;
  entities: readonly Entity[];
  /** Entity mentions in body order. */
  mentions: readonly EntityMention[];
  genders: readonly (string | null)[];
}

/** Descriptions that stand for an organisation the text has named ("the newspaper"). */
const ORG_DESCRIPTIONS = new Set([
  'newspaper',
  'paper',
  'outlet',
  'network',
  'magazine',
  'agency',
  'campaign',
  'committee',
  'organization',
  'group',
  'company',
  'party',
  'website',
  'site',
  'channel',
  'station',
  'broadcaster',
  'publication',
  'daily',
  'bureau',
  'department',
]);

/** Words that end the head of a description: relative clauses, prepositions, pronouns. */
const DESCRIPTION_END = new Set([
  'who',
  'which',
  'that',
  'with',
  'in',
  'at',
  'from',
  'for',
  'i',
  'we',
  'he',
  'she',
  'they',
  'on',
]);

/** w.replace(/,$/, ''), without a pattern or a copy when there is no comma. */
function withoutFinalComma(w: string): string {
  return w.endsWith(',') ? w.slice(0, -1) : w;
}

/** Index of the last mention starting before pos. */
function lastMentionBefore(mentions: readonly EntityMention[], pos: number): number {
  return countStartingBefore(mentions, pos) - 1;
}

/** The nearest plural description before pos ("Many Trump administration veterans"), for "they". */
function recentPluralDescription(body: string, pos: number): string | null {
  const words = body.slice(Math.max(0, pos - 1000), pos).split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const w = (words[i] ?? '').toLowerCase().replace(/[^a-z]+$/, '');
    if (!w.endsWith('s') || !SOURCE_NOUNS.has(w)) continue;
    let j = i;
    while (
      j > 0 &&
      i - j < 3 &&
      /^[\p{L}.-]+$/u.test(words[j - 1] ?? '') &&
      !DESCRIPTION_END.has((words[j - 1] ?? '').toLowerCase())
    ) {
      const prev = (words[j - 1] ?? '').toLowerCase();
      if (['the', 'a', 'and', 'of', 'to', 'are', 'were', 'is', 'was', 'said', 'say'].includes(prev)) break;
      j--;
    }
    return words
      .slice(j, i + 1)
      .join(' ')
      .replace(/[^\p{L}]+$/u, '');
  }
  return null;
}

/** Resolves the mention body.slice(start, end) to a canonical speaker name. */
export function resolveSpeaker(ctx: SpeakerContext, start: number, end: number, role: string | null): SpeakerMention {
  const { body, entities, mentions } = ctx;
  const text = body.slice(start, end).trim();
  const lowerText = text.toLowerCase();
  const entityRole = (i: number): string | null => role ?? entities[i]?.role ?? null;
  // Names inside the mention: the last person who is not a possessor, else the last organisation.
  let person = -1;
  let org = -1;
  let other = -1;
  let possessor = -1;
  for (let m = lastMentionBefore(mentions, end); m >= 0; m--) {
    const mention = mentions[m];
    if (!mention || mention.start < start) break;
    if (mention.end > end) continue;
    if (mentionIsPossessive(body, mention)) {
      if (possessor < 0 && entities[mention.entity]?.kind === 'person') possessor = mention.entity;
      continue;
    }
    const kind = entities[mention.entity]?.kind;
    if (kind === 'person' && person < 0) person = mention.entity;
    else if (kind === 'organization' && org < 0) org = mention.entity;
    else if (other < 0) other = mention.entity;
  }
  const words = lowerText.split(/\s+/);
  // The head of a description is its last source noun before a modifier ("officials I spoke with").
  let cut = words.findIndex((w, i) => i > 0 && DESCRIPTION_END.has(withoutFinalComma(w)));
  if (cut < 0) cut = words.length;
  let descriptionHead = -1;
  for (let i = 0; i < cut; i++) if (SOURCE_NOUNS.has(withoutFinalComma(words[i] ?? ''))) descriptionHead = i;
  if (descriptionHead < 0) descriptionHead = words.findIndex((w) => SOURCE_NOUNS.has(w));
  const headWord = descriptionHead >= 0 ? (words[descriptionHead] ?? '') : '';
  // "advisers Trump warns": a bare name right after a plural description does not head it.
  const pluralHead = descriptionHead >= 0 && headWord.endsWith('s') && descriptionHead === words.length - 2;
  const pick =
    person >= 0 && !pluralHead
      ? person
      : org >= 0 && (descriptionHead < 0 || ORG_DESCRIPTIONS.has(headWord))
        ? org
        : -1;
  if (pick >= 0) {
    return { name: entities[pick]?.name ?? text, start, end, role: entityRole(pick) };
  }
  if (words.length === 1 && ['he', 'she', 'him', 'her'].includes(lowerText)) {
    const want = lowerText === 'he' || lowerText === 'him' ? 'male' : 'female';
    let fallback = -1;
    for (let m = lastMentionBefore(mentions, start); m >= 0 && m > lastMentionBefore(mentions, start) - 40; m--) {
      const mention = mentions[m];
      if (!mention) continue;
      if (entities[mention.entity]?.kind !== 'person') continue;
      const g = ctx.genders[mention.entity] ?? null;
      if (g === want)
        return { name: entities[mention.entity]?.name ?? text, start, end, role: entityRole(mention.entity) };
      if (g === null && fallback < 0) fallback = mention.entity;
    }
    if (fallback >= 0) return { name: entities[fallback]?.name ?? text, start, end, role: entityRole(fallback) };
    return { name: text, start, end, role };
  }
  if (lowerText === 'they') {
    const plural = recentPluralDescription(body, start);
    if (plural) return { name: plural, start, end, role };
  }
  const head = descriptionHead >= 0 ? (words[descriptionHead] ?? '') : '';
  if ((lowerText === 'it' || ORG_DESCRIPTIONS.has(head)) && /^(the|it|its)\b/.test(lowerText)) {
    for (let m = lastMentionBefore(mentions, start); m >= 0; m--) {
      const mention = mentions[m];
      if (mention && entities[mention.entity]?.kind === 'organization') {
        return { name: entities[mention.entity]?.name ?? text, start, end, role };
      }
    }
  }
  if (org >= 0 && descriptionHead < 0) return { name: entities[org]?.name ?? text, start, end, role };
  // A description: keep it up to its head noun ("a former senior US official, who served ...").
  if (descriptionHead >= 0) {
    const kept = text
      .split(/\s+/)
      .slice(0, descriptionHead + 1)
      .join(' ');
    return { name: kept, start, end, role };
  }
  if (other >= 0) return { name: entities[other]?.name ?? text, start, end, role };
  // "Trump's comment that ...": the possessor speaks.
  if (possessor >= 0 && words.length <= 2)
    return { name: entities[possessor]?.name ?? text, start, end, role: entityRole(possessor) };
  return { name: text, start, end, role };
}
