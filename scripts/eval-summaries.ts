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

interface Prediction {
  id: string;
  summary: string[];
}

/** The summarizer's JSONL output, one prediction per line; lines without a summary are skipped. */
function parsePreds(out: string): Prediction[] {
  const preds: Prediction[] = [];
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line) as { id?: unknown; summary?: unknown };
      if (typeof row.id === 'string' && Array.isArray(row.summary))
        preds.push({ id: row.id, summary: row.summary.map((s) => String(s)) });
    } catch {
      // A broken line is already counted as a failure by the scorer.
    }
  }
  return preds;
}

function wordCount(sentences: readonly string[]): number {
  return sentences.join(' ').split(/\s+/).filter(Boolean).length;
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
  const predRows = parsePreds(out);
  const leadRows = rows.map((r) => ({ id: r.id, summary: lead3(r.article) }));
  // Two halves by position in the file: a change that helps only one half is noise, not a gain.
  const halves = [0, 1].map((h) => {
    const keep = (_r: unknown, i: number) => i % 2 === h;
    const ids = new Set(rows.filter(keep).map((r) => r.id));
    const refs = join(dir, `refs-${h}.jsonl`);
    const preds = join(dir, `newsdesk-${h}.jsonl`);
    const leads = join(dir, `lead3-${h}.jsonl`);
    writeFileSync(refs, toJsonl(rows.filter(keep).map((r) => ({ id: r.id, reference: r.reference }))));
    writeFileSync(preds, toJsonl(predRows.filter((p) => ids.has(p.id))));
    writeFileSync(leads, toJsonl(leadRows.filter(keep)));
    return { name: h === 0 ? 'even rows' : 'odd rows', ours: score(refs, preds), lead: score(refs, leads) };
  });
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
  for (const half of halves)
    console.log(
      `${half.name.padEnd(12)} ${f(half.ours.rouge1.f)} vs Lead-3 ${f(half.lead.rouge1.f).trim()} (${d(half.ours.rouge1.f - half.lead.rouge1.f).trim()} ROUGE-1, ${half.ours.docs} articles)`,
    );
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  console.log(
    `average words: Newsdesk ${mean(predRows.map((p) => wordCount(p.summary))).toFixed(1)} ` +
      `(${mean(predRows.map((p) => p.summary.length)).toFixed(2)} sentences), ` +
      `Lead-3 ${mean(leadRows.map((p) => wordCount(p.summary))).toFixed(1)}, ` +
      `references ${mean(rows.map((r) => wordCount(r.reference.split('\n')))).toFixed(1)} ` +
      `(${mean(rows.map((r) => r.reference.split('\n').length)).toFixed(2)} sentences)`,
  );
  console.log(`F1 x100, ROUGE-1.5.5 -m (../shared/eval/score-summaries.mjs); predictions in ${dir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
