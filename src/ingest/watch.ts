// Watches the content folder while Newsdesk runs: a burst of file changes triggers one sync after a short pause.
import { existsSync, type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../logger.js';

export interface FolderWatcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last change before `onChange` runs (editors write files in several steps). */
  debounceMs?: number;
  logger?: Logger;
}

/**
 * Calls `onChange` after files under `dir` change. Runs are never concurrent: a change during a run
 * schedules one more run after it. A missing folder is not an error (nothing to watch).
 */
export function watchFolder(dir: string, onChange: () => Promise<unknown>, options: WatchOptions = {}): FolderWatcher {
  const debounceMs = options.debounceMs ?? 500;
  const { logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const run = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = onChange()
      .then(
        () => undefined,
        (err: unknown) => logger?.error({ err, dir }, 'content sync after a change failed'),
      )
      .finally(() => {
        running = undefined;
        if (again && !closed) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  let watcher: FSWatcher | undefined;
  if (existsSync(dir)) {
    try {
      watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
        if (name && /(^|[/\\])\./.test(name)) return; // editor swap and hidden files
        schedule();
      });
      watcher.on('error', (err) => logger?.warn({ err, dir }, 'content watcher error'));
    } catch (err) {
      logger?.warn({ err, dir }, 'cannot watch the content folder; new files are read at the next start');
    }
  }

  return {
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      await running;
    },
  };
}
