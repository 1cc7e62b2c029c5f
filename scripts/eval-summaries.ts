// `npm run eval:summaries`: ROUGE of `newsdesk summarize --jsonl` next to Lead-3 on the CNN/DM dev set.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleParagraphs } from '../src/nlp/boilerplate.js';
import { segment, splitParagraphs } from '../src/nlp/sentences.js';

interface DevRow {
  id: string;
  article: string;
  reference: string;
}

interface Scores {
  docs: number;
  missingPredictions: number;
  rouge1: { f: number };
  rouge2: { f: number };
  rougeL: { f: number };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const dataPath = join(shared, 'data/cnndm-dev.jsonl');
const scorerPath = join(shared, 'eval/score-summaries.mjs');

function readDev(path: string): DevRow[] {
  const rows: DevRow[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as Partial<DevRow>;
    if (typeof row.id !== 'string' || typeof row.article !== 'string' || typeof row.reference !== 'string') continue;
    rows.push({ id: row.id, article: row.article, reference: row.reference });
  }
  return rows;
}

/** Lead-3: the first three sentences of the same pipeline the summarizer reads, minus the scoring. */
function lead3(text: string): string[] {
  const { sentences } = segment(text, articleParagraphs(splitParagraphs(text)));
  return sentences.slice(0, 3).map((s) => s.text);
}

function toJsonl(rows: readonly object[]): string {
  return `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

function score(refsPath: string, predsPath: string): Scores {
  const run = spawnSync(process.execPath, [scorerPath, refsPath, predsPath, '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`scorer failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Scores;
}

function main(args: string[]): number {
  if (!existsSync(dataPath) || !existsSync(scorerPath)) {
    console.log(`eval:summaries: ${shared} has no data/cnndm-dev.jsonl or eval/score-summaries.mjs; nothing to score`);
    return 0;
  }
  const sentencesFlag = args.indexOf('--sentences');
  const extra = sentencesFlag >= 0 ? ['--sentences', args[sentencesFlag + 1] ?? '3'] : [];
  const rows = readDev(dataPath);
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-eval-'));
  const inputPath = join(dir, 'input.jsonl');
  const refsPath = join(dir, 'refs.jsonl');
  const predsPath = join(dir, 'newsdesk.jsonl');
  const leadPath = join(dir, 'lead3.jsonl');
  writeFileSync(inputPath, toJsonl(rows.map((r) => ({ id: r.id, text: r.article }))));
  writeFileSync(refsPath, toJsonl(rows.map((r) => ({ id: r.id, reference: r.reference }))));
  writeFileSync(leadPath, toJsonl(rows.map((r) => ({ id: r.id, summary: lead3(r.article) }))));

  const started = Date.now();
  const run = spawnSync(process.execPath, [join(root, 'bin/newsdesk.js'), 'summarize', '--jsonl', ...extra], {
    cwd: root,
    input: readFileSync(inputPath),
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Date.now() - started;
  const out = run.stdout.toString('utf8');
  const failed = out.split('\n').filter((l) => l.includes('"error"')).length;
  writeFileSync(predsPath, out);
  if (run.status !== 0 && failed === 0) {
    console.error(`newsdesk summarize exited ${run.status}: ${run.stderr.toString('utf8')}`);
    return 1;
  }

  const ours = score(refsPath, predsPath);
  const lead = score(refsPath, leadPath);
  const f = (x: number) => x.toFixed(2).padStart(7);
  const d = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`.padStart(7);
  console.log(`CNN/DM dev: ${ours.docs} articles; newsdesk summarize ran in ${ms} ms (process included)`);
  if (failed > 0 || ours.missingPredictions > 0)
    console.log(`  ${failed} articles failed, ${ours.missingPredictions} without a prediction (scored 0)`);
  console.log(`${'system'.padEnd(12)}${'ROUGE-1'.padStart(8)}${'ROUGE-2'.padStart(8)}${'ROUGE-L'.padStart(8)}`);
  console.log(`${'Newsdesk'.padEnd(12)} ${f(ours.rouge1.f)} ${f(ours.rouge2.f)} ${f(ours.rougeL.f)}`);
  console.log(`${'Lead-3'.padEnd(12)} ${f(lead.rouge1.f)} ${f(lead.rouge2.f)} ${f(lead.rougeL.f)}`);
  console.log(
    `${'difference'.padEnd(12)} ${d(ours.rouge1.f - lead.rouge1.f)} ${d(ours.rouge2.f - lead.rouge2.f)} ${d(ours.rougeL.f - lead.rougeL.f)}`,
  );
  console.log(`F1 x100, ROUGE-1.5.5 -m (../shared/eval/score-summaries.mjs); predictions in ${dir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
