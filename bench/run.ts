// `npm run bench`: extraction against a bare tokenization pass on the labelled dev texts, then a synthetic
// corpus: ingest against tokenization, serving latency (/brief, /whosaid, raw FTS5), start-up time and memory.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngestor } from '../src/ingest/ingest.js';
import { analyseText } from '../src/nlp/analyse.js';
import { createSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { BENCH_TOPICS, generateCorpus } from './corpus.js';
import { measureExtraction, readRows } from './extraction.js';
import { round } from './stats.js';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};
const count = Number(arg('articles') ?? 10_000);
const json = args.includes('--json');
if (!Number.isInteger(count) || count < 10) {
  process.stderr.write('bench: --articles must be a whole number ≥ 10\n');
  process.exit(2);
}
const log = (s: string) => {
  if (!json) process.stderr.write(`${s}\n`);
};

// Issue 3's speed figure: extraction on one core over the PolNeAR dev texts (evaluation data in ../shared,
// read at run time, never copied here), next to the regex tokenization pass over the same texts.
const devPath = arg('dev') ?? fileURLToPath(new URL('../../shared/data/polnear-dev.jsonl', import.meta.url));
let dev: Record<string, number> = {};
if (existsSync(devPath)) {
  const texts = readRows(devPath).map((r) => r.text);
  log(`extraction on ${texts.length} dev texts (${devPath})…`);
  const speed = measureExtraction(texts);
  dev = {
    devTexts: texts.length,
    devExtractArticlesPerSec: round(speed.extractArticlesPerSec, 1),
    devAnalyseArticlesPerSec: round(speed.analyseArticlesPerSec, 1),
    devTokenizeArticlesPerSec: round(speed.tokenizeArticlesPerSec, 1),
    devExtractVsTokenize: round(speed.tokenizeArticlesPerSec / speed.extractArticlesPerSec, 2),
  };
} else {
  log(`no dev texts at ${devPath} (pass --dev FILE.jsonl); extraction is measured on the synthetic corpus only`);
}

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
try {
  log(`generating ${count} articles…`);
  const { articles, fragments } = generateCorpus(count);
  const sample = articles.slice(0, Math.min(articles.length, 2000));

  // The bare tokenization pass: the floor that reading an article can not go below.
  const tokStart = performance.now();
  let tokens = 0;
  for (const a of articles) tokens += a.body.match(/\p{L}+|\p{N}+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
  const tokenizeArticlesPerSec = articles.length / ((performance.now() - tokStart) / 1000);

  const exStart = performance.now();
  for (const a of sample) analyseText(a.body);
  const extractArticlesPerSec = sample.length / ((performance.now() - exStart) / 1000);

  const dbPath = join(dir, 'bench.db');
  const store = createSqliteStore({ path: dbPath });
  const ingestor = createIngestor({ store, topics: BENCH_TOPICS.map((name) => ({ name, aliases: [] })) });
  log('ingesting…');
  const inStart = performance.now();
  let last = inStart;
  // The same batched path as `newsdesk ingest <dir>`: one transaction per 100 articles.
  for (let i = 0; i < articles.length; i += 100) {
    await ingestor.ingestMany(articles.slice(i, i + 100));
    if (!json && performance.now() - last > 2000) {
      last = performance.now();
      process.stderr.write(`  ${Math.min(i + 100, articles.length)}/${articles.length}\r`);
    }
  }
  const ingestSeconds = (performance.now() - inStart) / 1000;
  await store.close();
  const ingestArticlesPerSec = articles.length / ingestSeconds;

  log('serving…');
  const inputFile = join(dir, 'serve.json');
  writeFileSync(
    inputFile,
    JSON.stringify({ dbPath, topics: BENCH_TOPICS, fragments: fragments.slice(0, 200), rounds: 5 }),
  );
  const serveScript = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const served = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', serveScript, inputFile], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    }),
  ) as Record<string, number>;

  const result = {
    ...dev,
    articles: count,
    tokens,
    ingestArticlesPerSec: round(ingestArticlesPerSec, 1),
    tokenizeArticlesPerSec: round(tokenizeArticlesPerSec, 1),
    ingestVsTokenize: round(tokenizeArticlesPerSec / ingestArticlesPerSec, 2),
    extractArticlesPerSec: round(extractArticlesPerSec, 1),
    ...served,
    briefVsFtsP50: round((served.briefP50Ms ?? 0) / (served.ftsP50Ms || 1), 2),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const rows = Object.entries(result).filter(([, v]) => typeof v === 'number');
    const width = Math.max(...rows.map(([k]) => k.length));
    process.stdout.write(`${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
  }
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
