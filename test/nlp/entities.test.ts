// Entity cases: people, organisations and places, with aliases and roles, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/nlp/entities.js';
import { segment } from '../../src/nlp/sentences.js';
import type { TopicCatalog } from '../../src/nlp/topics.js';
import type { Entity } from '../../src/nlp/types.js';

const catalog: TopicCatalog = [{ name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'the alliance'] }];

function entities(text: string): Entity[] {
  const { paragraphs, sentences } = segment(text);
  return extractEntities(text, paragraphs, sentences, catalog);
}

function named(list: Entity[], name: string): Entity | undefined {
  return list.find((e) => e.name === name);
}

const text = [
  'Retired Adm. Laura Finch, the former head of the naval academy, met Sen. Omar Haddad in Lisbon.',
  'Finch said the North Atlantic Treaty Organization needed more ships. Haddad agreed, and NATO later did too.',
  'The Lisbon Maritime Committee published the figures. Portuguese officials declined to comment.',
  'The World Shipping Council (WSC) welcomed the plan, and the WSC said it would help.',
].join('\n\n');

describe('extractEntities', () => {
  const list = entities(text);
  const cases: [string, string, Entity['kind']][] = [
    ['a title marks a person', 'Omar Haddad', 'person'],
    ['an org word marks an organisation', 'Lisbon Maritime Committee', 'organization'],
    ['the gazetteer marks a place', 'Lisbon', 'place'],
    ['a demonym counts as its country', 'Portugal', 'place'],
    ['a catalog topic is one organisation', 'NATO', 'organization'],
  ];
  for (const [name, entity, kind] of cases) {
    it(name, () => {
      expect(named(list, entity)?.kind).toBe(kind);
    });
  }

  it('links a surname to the full name and counts mentions', () => {
    const finch = named(list, 'Laura Finch');
    expect(finch?.aliases).toContain('Finch');
    expect(finch?.mentions).toBe(2);
  });

  it('reads the role from an apposition', () => {
    expect(named(list, 'Laura Finch')?.role).toBe('the former head of the naval academy');
  });

  it('reads the role from a title with its modifier', () => {
    const list2 = entities('The report was late.\n\nThe memo came from retired Gen. Paul Hart on Monday.');
    expect(named(list2, 'Paul Hart')?.role).toBe('retired Gen.');
  });

  it('splits an office named by its body from the name after it ("Senate Majority Leader X")', () => {
    const list2 = entities(
      'The vote was near.\n\nSenate Majority Leader Tom Reyes spoke first. Harbour Board Secretary Ana Ortiz spoke next.',
    );
    expect(named(list2, 'Tom Reyes')).toMatchObject({ kind: 'person', role: 'Senate Majority Leader' });
    expect(named(list2, 'Ana Ortiz')).toMatchObject({ kind: 'person', role: 'Harbour Board Secretary' });
  });

  it('links an acronym, its expansion and catalog aliases', () => {
    const nato = named(list, 'NATO');
    expect(nato?.aliases).toEqual(expect.arrayContaining(['North Atlantic Treaty Organization', 'the alliance']));
    const wsc = list.find((e) => e.aliases.includes('World Shipping Council') || e.name === 'World Shipping Council');
    expect([wsc?.name, ...(wsc?.aliases ?? [])]).toEqual(expect.arrayContaining(['WSC', 'World Shipping Council']));
  });

  it('reads a demonym before a speech verb as a name, and a city as a place', () => {
    const list2 = entities(
      'The talks ended.\n\nMark Cuban met the mayor in Atlantic City on Friday. Cuban said the casino would close.',
    );
    expect(named(list2, 'Mark Cuban')?.aliases).toContain('Cuban');
    expect(named(list2, 'Cuba')).toBeUndefined();
    expect(named(list2, 'Atlantic City')?.kind).toBe('place');
  });

  it('does not take sentence-initial words for names', () => {
    expect(list.some((e) => ['The', 'Retired', 'Portuguese officials'].includes(e.name))).toBe(false);
  });

  it('keeps a person in the topic catalog a person, so pronouns still resolve to them', () => {
    const catalog: TopicCatalog = [
      { name: 'Helen Marsh', aliases: ['Marsh'] },
      { name: 'Harbour Board', aliases: [] },
    ];
    const text = 'The vote was close.\n\nHelen Marsh spoke first. Marsh said the Harbour Board had failed.';
    const { paragraphs, sentences } = segment(text);
    const found = extractEntities(text, paragraphs, sentences, catalog);
    expect(named(found, 'Helen Marsh')?.kind).toBe('person');
    expect(named(found, 'Harbour Board')?.kind).toBe('organization');
  });
});
