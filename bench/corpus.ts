// A deterministic generator of news-like articles for benchmarks: text we write, never real news.

import { contentHash } from '../src/article/parse.js';
import type { Article } from '../src/article/schema.js';

/** A small, fast, seeded PRNG (mulberry32) so every run builds the same corpus. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Maria',
  'John',
  'Ana',
  'Pieter',
  'Olena',
  'David',
  'Sarah',
  'Ahmed',
  'Li',
  'Kofi',
  'Elena',
  'James',
  'Ines',
  'Tomas',
  'Yuki',
  'Grace',
  'Omar',
  'Lena',
  'Paul',
  'Nadia',
];
const LAST = [
  'Lindqvist',
  'Carter',
  'Costa',
  'Vries',
  'Marchenko',
  'Okafor',
  'Brennan',
  'Haddad',
  'Wei',
  'Mensah',
  'Petrova',
  'Walsh',
  'Moreau',
  'Novak',
  'Tanaka',
  'Adeyemi',
  'Farouk',
  'Berg',
  'Keller',
  'Rossi',
  'Silva',
  'Kowalski',
  'Dubois',
  'Murphy',
  'Santos',
];
const ROLES = [
  'the defence minister',
  'a spokeswoman for the ministry',
  'the central bank governor',
  'a senior official',
  'the mayor',
  'the opposition leader',
  'a campaign spokesman',
  'the foreign minister',
  'a union leader',
  'the chief executive',
];
export const BENCH_TOPICS = [
  'NATO',
  'Ukraine',
  'inflation',
  'elections',
  'climate',
  'trade',
  'energy',
  'migration',
  'health',
  'housing',
  'tariffs',
  'drought',
  'strikes',
  'budget',
  'shipping',
  'vaccines',
  'wildfires',
  'pensions',
  'semiconductors',
  'fisheries',
];
const PLACES = [
  'Brussels',
  'Kyiv',
  'Lisbon',
  'Warsaw',
  'Nairobi',
  'Osaka',
  'Lagos',
  'Madrid',
  'Oslo',
  'Cairo',
  'Lima',
  'Hanoi',
];
const VERBS = ['said', 'told reporters', 'warned', 'added', 'argued', 'insisted', 'noted', 'recalled', 'acknowledged'];
const SYLLABLES = [
  'ka',
  'lo',
  'mer',
  'tin',
  'sa',
  'vor',
  'el',
  'dra',
  'pin',
  'qua',
  'res',
  'to',
  'mi',
  'nar',
  'ul',
  'ben',
  'cor',
  'dis',
  'fal',
  'gro',
];
const COMMON =
  'the of and to in a is that for on with as was by at from it an be are has have its which will their after more than over new about into would been who also but not'.split(
    ' ',
  );

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

/** A vocabulary of made-up content words, so full-text search sees a realistic spread of terms. */
function vocabulary(rnd: () => number, size: number): string[] {
  const out = new Set<string>();
  while (out.size < size) {
    const n = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(rnd, SYLLABLES);
    out.add(w);
  }
  return [...out];
}

export interface GeneratedCorpus {
  articles: Article[];
  /** Fragments of quotes that were generated, for /whosaid queries. */
  fragments: string[];
}

/** Builds `count` articles of about 3,000–5,000 characters each, from a seed. */
export function generateCorpus(count: number, seed = 42): GeneratedCorpus {
  const rnd = createRandom(seed);
  const vocab = vocabulary(rnd, 3000);
  const sentence = (minWords: number, maxWords: number, topic: string): string => {
    const n = minWords + Math.floor(rnd() * (maxWords - minWords));
    const words: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = rnd();
      words.push(r < 0.45 ? pick(rnd, COMMON) : r < 0.5 ? topic : pick(rnd, vocab));
    }
    const s = words.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
  };
  const articles: Article[] = [];
  const fragments: string[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < count; i++) {
    const topic = pick(rnd, BENCH_TOPICS);
    const other = pick(rnd, BENCH_TOPICS);
    const place = pick(rnd, PLACES);
    const paragraphs: string[] = [];
    const nParagraphs = 8 + Math.floor(rnd() * 6);
    for (let p = 0; p < nParagraphs; p++) {
      const r = rnd();
      const person = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`;
      if (r < 0.3) {
        const words = sentence(8, 18, rnd() < 0.5 ? topic : other);
        if (fragments.length < 2000 && rnd() < 0.2) fragments.push(words.split(' ').slice(2, 7).join(' '));
        paragraphs.push(`"${words}," ${pick(rnd, VERBS)} ${person}, ${pick(rnd, ROLES)}. ${sentence(10, 20, topic)}.`);
      } else if (r < 0.45) {
        paragraphs.push(`${person}, ${pick(rnd, ROLES)}, said that ${sentence(10, 22, topic).toLowerCase()}.`);
      } else {
        paragraphs.push(`${sentence(12, 26, topic)} in ${place}. ${sentence(10, 24, other)}.`);
      }
    }
    const body = `${paragraphs.join('\n\n')}\n`;
    const date = new Date(start + Math.floor((i / count) * 700) * 86_400_000).toISOString().slice(0, 10);
    articles.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      title: `${topic} talks in ${place} (${i})`,
      date,
      source: 'Bench Wire',
      body,
      hash: contentHash(body),
      origin: `bench:${i}`,
    });
  }
  return { articles, fragments };
}
