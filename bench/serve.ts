// Benchmark child: opens an existing store as `npm start` would, then times /brief, /whosaid and raw FTS.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app.js';
import { BRIEF_CANDIDATES } from '../src/briefing/create-briefing.js';
import { resolveTopic } from '../src/briefing/topic-resolution.js';
import { loadConfig } from '../src/config.js';
import { createSilentLogger } from '../src/logger.js';
import { percentile, round, timeEach } from './stats.js';

interface ServeInput {
  dbPath: string;
  topics: string[];
  fragments: string[];
  rounds: number;
}

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ServeInput;
const content = mkdtempSync(join(tmpdir(), 'newsdesk-bench-content-'));
mkdirSync(join(content, 'articles'));
// The bench topics are curated topics, as a newsroom would list them in content/topics.yaml.
writeFileSync(join(content, 'topics.yaml'), input.topics.map((t) => `- name: ${t}\n  aliases: []`).join('\n'));

const t0 = performance.now();
const app = await createApp(loadConfig({ DATABASE_URL: `sqlite:${input.dbPath}`, CONTENT_DIR: content }), {
  logger: createSilentLogger(),
});
await app.syncContent();
await app.services.store.ping();
const readyMs = performance.now() - t0;

const { briefing, store } = app.services;
const topicQueries = Array.from({ length: input.rounds }, () => input.topics).flat();
// Warm-up: the first queries pay for page cache and statement preparation.
for (const t of input.topics) await briefing.brief(t);
for (const f of input.fragments.slice(0, 10)) await briefing.whoSaid(f);

const resolved = new Map<string, string[]>();
const catalog = input.topics.map((name) => ({ name, aliases: [] }));
for (const t of input.topics) resolved.set(t, (await resolveTopic(t, catalog, store))?.names ?? [t]);
const fts = await timeEach(topicQueries, (t) => store.searchSentences(resolved.get(t) ?? [t], BRIEF_CANDIDATES));
const brief = await timeEach(topicQueries, (t) => briefing.brief(t));
const whosaid = await timeEach(input.fragments, (f) => briefing.whoSaid(f));
await app.close();

const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({
    readyMs: round(readyMs),
    ftsP50Ms: round(percentile(fts, 50), 3),
    ftsP99Ms: round(percentile(fts, 99), 3),
    briefP50Ms: round(percentile(brief, 50), 3),
    briefP99Ms: round(percentile(brief, 99), 3),
    whosaidP50Ms: round(percentile(whosaid, 50), 3),
    whosaidP99Ms: round(percentile(whosaid, 99), 3),
    rssMb: round(rssMb, 1),
    queries: { brief: brief.length, fts: fts.length, whosaid: whosaid.length },
  })}\n`,
);
