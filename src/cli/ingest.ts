// `newsdesk ingest <file|dir|url>...`: reads articles, folders of articles, feeds or article pages into the store.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createApp } from '../app.js';
import { loadArticleFile } from '../article/load.js';
import { ArticleError } from '../article/parse.js';
import { loadConfig } from '../config.js';
import { errorMessage, UserError } from '../errors.js';
import { countOutcomes } from '../feeds/feed-service.js';
import { createLogger } from '../logger.js';
import type { CliIo } from './io.js';

/** Below this many items no progress bar is drawn. */
const PROGRESS_MIN_ITEMS = 10;

interface Tally {
  ingested: number;
  updated: number;
  duplicate: number;
  baseline: number;
  failed: number;
}

/** A one-line progress bar on a terminal's stderr, redrawn in place; nothing on pipes or for few items. */
export function createProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string) {
  let drawn = false;
  return {
    update(done: number, total: number) {
      if (!stream.isTTY || total < PROGRESS_MIN_ITEMS) return;
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}

function summary(t: Tally): string {
  const parts = [`${t.ingested} new`, `${t.updated} updated`, `${t.duplicate} unchanged`];
  if (t.baseline) parts.push(`${t.baseline} baseline`);
  parts.push(`${t.failed} failed`);
  return parts.join(', ');
}

export async function ingest(args: string[], io: CliIo): Promise<number> {
  const targets = args.filter((a) => !a.startsWith('--'));
  if (targets.length === 0) {
    throw new UserError('ingest needs a file, a folder or a URL, e.g. newsdesk ingest https://example.com/feed.xml');
  }
  // The operator names these URLs on their own machine: local and private addresses are allowed here,
  // unlike sources added from chat.
  const config = { ...loadConfig(io.env), feeds: { allowPrivateAddresses: true } };
  const logger = createLogger({ level: 'warn', secrets: config.secrets, destination: io.stderr });
  const app = await createApp(config, { logger });
  const stderr = io.stderr as NodeJS.WritableStream & { isTTY?: boolean };
  let anyFailed = false;
  try {
    for (const target of targets) {
      const tally: Tally = { ingested: 0, updated: 0, duplicate: 0, baseline: 0, failed: 0 };
      const progress = createProgress(stderr, target.length > 40 ? `…${target.slice(-39)}` : target);
      try {
        if (/^https?:\/\//i.test(target)) {
          const feeds = app.services.feeds;
          if (!feeds) throw new UserError('ingesting URLs needs feed storage, which this database does not have yet');
          const report = await feeds.ingestUrl(target, (done, total) => progress.update(done, total));
          progress.end();
          Object.assign(tally, countOutcomes(report.items));
          for (const item of report.items) {
            if (item.outcome === 'failed') io.stderr.write(`newsdesk: ${item.title}: ${item.reason ?? 'failed'}\n`);
          }
          io.stdout.write(
            `${report.kind} ${report.url}${report.title ? ` (${report.title})` : ''}: ${summary(tally)}\n`,
          );
        } else {
          const path = resolve(target);
          const info = await stat(path).catch(() => undefined);
          if (!info) throw new UserError(`${target}: no such file or folder`);
          if (info.isDirectory()) {
            const report = await app.ingestor.ingestDir(path, (done, total) => progress.update(done, total));
            progress.end();
            tally.ingested = report.inserted.length;
            tally.updated = report.updated.length;
            tally.duplicate = report.unchanged.length;
            tally.failed = report.failed.length;
            for (const p of report.failed) io.stderr.write(`newsdesk: skipped ${p.path}: ${p.reason}\n`);
          } else {
            try {
              const outcome = await app.ingestor.ingest(await loadArticleFile(path));
              if (outcome === 'inserted') tally.ingested++;
              else if (outcome === 'updated') tally.updated++;
              else tally.duplicate++;
            } catch (error) {
              tally.failed++;
              const reason = error instanceof ArticleError ? error.reason : errorMessage(error);
              io.stderr.write(`newsdesk: skipped ${target}: ${reason}\n`);
            }
          }
          io.stdout.write(`${target}: ${summary(tally)}\n`);
        }
      } catch (error) {
        progress.end();
        if (error instanceof UserError) throw error;
        tally.failed++;
        io.stderr.write(`newsdesk: ${target}: ${errorMessage(error)}\n`);
      }
      if (tally.failed > 0) anyFailed = true;
    }
    return anyFailed ? 1 : 0;
  } finally {
    await app.close();
  }
}
