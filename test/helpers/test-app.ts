// A real Newsdesk app on a temp SQLite file, over the repo's content or articles a test writes.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Invoker } from '../../commands/define-command.js';
import { type App, createApp } from '../../src/app.js';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { createSilentLogger } from '../../src/logger.js';
import { renderPlain } from '../../src/reply/render-plain.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const REPO_CONTENT = join(REPO_ROOT, 'content');
export const FIXTURE_ARTICLES = join(REPO_ROOT, 'test/fixtures/articles');

export const TEST_INVOKER: Invoker = {
  platform: 'console',
  userId: 'tester',
  channelId: 'console',
  canManageChannel: true,
};

export interface TestAppOptions {
  /** Copy these article folders into the app's content (default: the repo's content/articles). */
  articleDirs?: string[];
  /** Extra article files: name -> content. */
  files?: Record<string, string>;
  /** topics.yaml content (default: the repo's). */
  topicsYaml?: string;
  clock?: Clock;
  env?: Record<string, string>;
}

export interface TestApp extends App {
  root: string;
  /** Runs a command line such as "/brief nato" and returns the plain-text answer. */
  ask(line: string): Promise<string>;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-app-'));
  const content = join(root, 'content');
  const articles = join(content, 'articles');
  mkdirSync(articles, { recursive: true });
  for (const dir of options.articleDirs ?? [join(REPO_CONTENT, 'articles')]) cpSync(dir, articles, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(articles, name), text);
  if (options.topicsYaml !== undefined) writeFileSync(join(content, 'topics.yaml'), options.topicsYaml);
  else cpSync(join(REPO_CONTENT, 'topics.yaml'), join(content, 'topics.yaml'));
  const config = loadConfig({ DATA_DIR: join(root, 'data'), CONTENT_DIR: content, ...options.env });
  const app = await createApp(config, { logger: createSilentLogger(), clock: options.clock });
  await app.syncContent();
  return Object.assign(app, {
    root,
    async ask(line: string) {
      const m = /^\/?(\S+)\s*([\s\S]*)$/.exec(line.trim());
      const reply = await app.dispatcher.run(m?.[1] ?? '', { text: m?.[2] ?? '' }, TEST_INVOKER);
      return renderPlain(reply);
    },
  });
}
