// Hand-built articles and readings for store tests: deterministic, independent of the NLP pipeline.
import type { Article } from '../../src/article/schema.js';
import type { Analysis, Entity, Quote } from '../../src/nlp/types.js';

export interface FixtureSpec {
  id: string;
  title: string;
  date: string;
  source?: string;
  url?: string;
  /** One sentence per paragraph. */
  paragraphs: string[];
  entities?: Entity[];
  /** Quotes: verbatim words that must appear in a paragraph, and who said them. */
  quotes?: { text: string; speaker: string | null; role?: string; kind?: Quote['kind'] }[];
  topics?: string[];
  hash?: string;
}

/** An article and its reading, offsets consistent with the body. */
export function fixture(spec: FixtureSpec): { article: Article; analysis: Analysis } {
  const body = spec.paragraphs.join('\n\n');
  const paragraphs: Analysis['paragraphs'] = [];
  let offset = 0;
  spec.paragraphs.forEach((text, i) => {
    paragraphs.push({ index: i + 1, start: offset, end: offset + text.length, text });
    offset += text.length + 2;
  });
  const sentences = paragraphs.map((p) => ({ paragraph: p.index, start: p.start, end: p.end, text: p.text }));
  const quotes: Quote[] = (spec.quotes ?? []).map((q) => {
    const start = body.indexOf(q.text);
    if (start < 0) throw new Error(`quote not in body: ${q.text}`);
    const paragraph = paragraphs.find((p) => start >= p.start && start <= p.end)?.index ?? 1;
    return {
      text: q.text,
      start,
      end: start + q.text.length,
      speaker: q.speaker,
      speakerStart: null,
      speakerEnd: null,
      role: q.role ?? null,
      cue: 'said',
      kind: q.kind ?? 'direct',
      paragraph,
    };
  });
  const analysis: Analysis = {
    paragraphs,
    sentences,
    entities: spec.entities ?? [],
    quotes,
    topics: spec.topics ?? [],
    summary: spec.paragraphs.slice(0, 2),
  };
  const article: Article = {
    id: spec.id,
    title: spec.title,
    date: spec.date,
    source: spec.source ?? 'Test Wire',
    url: spec.url,
    body,
    hash: spec.hash ?? `hash-${spec.id}`,
    origin: `test/${spec.id}.md`,
  };
  return { article, analysis };
}

export const person = (name: string, aliases: string[] = [], role: string | null = null): Entity => ({
  name,
  kind: 'person',
  aliases,
  role,
  mentions: 1 + aliases.length,
});

export const org = (name: string, aliases: string[] = []): Entity => ({
  name,
  kind: 'organization',
  aliases,
  role: null,
  mentions: 1 + aliases.length,
});

/** Three articles: a NATO summit, a grain deal, and a spending row that is also about NATO. */
export function sampleArticles() {
  return [
    fixture({
      id: 'summit',
      title: 'Alliance leaders meet at the summit',
      date: '2024-03-01',
      url: 'https://example.test/summit',
      paragraphs: [
        'NATO leaders gathered in Vilnius for a summit on defence spending.',
        'Jens Stoltenberg said "The alliance stands united against any aggression today" to reporters.',
        'Officials discussed new sanctions on Russian exports.',
      ],
      entities: [
        org('NATO', ['the alliance', 'North Atlantic Treaty Organization']),
        person('Jens Stoltenberg', ['Stoltenberg'], 'secretary general'),
      ],
      quotes: [
        {
          text: 'The alliance stands united against any aggression today',
          speaker: 'Jens Stoltenberg',
          role: 'secretary general',
        },
      ],
      topics: ['NATO'],
    }),
    fixture({
      id: 'grain',
      title: 'Grain exports resume from Odesa',
      date: '2024-02-20',
      paragraphs: [
        'Ships loaded with grain left Odesa on Tuesday under a new corridor deal.',
        'A port official said "We expect twenty ships to sail this week if the weather holds" in a statement.',
      ],
      entities: [{ name: 'Odesa', kind: 'place', aliases: [], role: null, mentions: 1 }],
      quotes: [{ text: 'We expect twenty ships to sail this week if the weather holds', speaker: 'a port official' }],
      topics: ['Ukraine'],
    }),
    fixture({
      id: 'spending',
      title: 'Spending row splits NATO members',
      date: '2024-03-05',
      paragraphs: [
        'Several members missed the two percent target for defence spending.',
        'Stoltenberg said "Every ally must pay its fair share for our common security" at the press conference.',
      ],
      entities: [org('NATO'), person('Jens Stoltenberg', ['Stoltenberg'])],
      quotes: [{ text: 'Every ally must pay its fair share for our common security', speaker: 'Jens Stoltenberg' }],
      topics: ['NATO', 'Defence spending'],
    }),
  ];
}
