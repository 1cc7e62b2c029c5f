// `npm run eval:quotes`: scores `newsdesk extract --jsonl` on PolNeAR dev and the seed gold, and times extraction.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureExtraction, type Row, readRows } from '../bench/extraction.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const scorerPath = join(shared, 'eval/score-quotes.mjs');

/** Runs the real CLI as a child process on id+text only, and returns the prediction file. */
function predict(name: string, rows: readonly Row[], dir: string): string {
  const input = `${rows.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n')}\n`;
  const run = spawnSync(process.execPath, [join(root, 'bin/newsdesk.js'), 'extract', '--jsonl'], {
    cwd: root,
    input,
    maxBuffer: 256 * 1024 * 1024,
  });
  const out = run.stdout.toString('utf8');
  const predPath = join(dir, `${name}.pred.jsonl`);
  writeFileSync(predPath, out);
  const failed = out.split('\n').filter((l) => l.includes('"error"')).length;
  if (run.status !== 0 || failed > 0) {
    console.log(
      `  newsdesk extract exited ${run.status} with ${failed} failed lines: ${run.stderr.toString('utf8').slice(0, 500)}`,
    );
  }
  return predPath;
}

function score(gold: string, pred: string, subset: 'quoted' | 'all'): string {
  const run = spawnSync(process.execPath, [scorerPath, gold, pred, '--subset', subset], { encoding: 'utf8' });
  if (run.status !== 0) return `scorer failed: ${run.stderr}`;
  return run.stdout.trim();
}

function main(args: string[]): number {
  if (!existsSync(scorerPath)) {
    console.log(`eval:quotes: ${shared} is missing (no eval/score-quotes.mjs); nothing to score`);
    return 0;
  }
  const set = args.includes('--train') ? 'polnear-train' : 'polnear-dev';
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-quotes-'));
  const sets: [string, string][] = [
    ['seed', join(shared, 'data/seed-quotes.gold.jsonl')],
    [set, join(shared, `data/${set}.jsonl`)],
  ];
  let devTexts: string[] = [];
  for (const [name, gold] of sets) {
    if (!existsSync(gold)) {
      console.log(`${name}: ${gold} is missing; skipped`);
      continue;
    }
    const rows = readRows(gold);
    if (name !== 'seed') devTexts = rows.map((r) => r.text);
    const pred = predict(name, rows, dir);
    for (const subset of ['quoted', 'all'] as const) {
      console.log(`== ${name} --subset ${subset}`);
      console.log(score(gold, pred, subset));
    }
  }
  if (devTexts.length > 0) {
    const speed = measureExtraction(devTexts);
    const bare = speed.tokenizeArticlesPerSec;
    console.log(
      `== throughput on ${devTexts.length} ${set} texts (one core, in-process, best of 5 rounds after 3 s of warm-up)`,
    );
    console.log(`analyseText (whole reading)          ${speed.analyseArticlesPerSec.toFixed(0)} articles/s`);
    console.log(`extraction (sentences+entities+quotes) ${speed.extractArticlesPerSec.toFixed(0)} articles/s`);
    console.log(`regex tokenization                   ${bare.toFixed(0)} articles/s`);
    console.log(
      `ratio: analyseText ${(bare / speed.analyseArticlesPerSec).toFixed(1)}x, extraction ${(bare / speed.extractArticlesPerSec).toFixed(1)}x the tokenization time`,
    );
  }
  console.log(`predictions in ${dir}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
