// /sources add|list|remove|enable <url>: the feeds Newsdesk polls for new articles (changes need channel-manager rights).
import { z } from 'zod';
import { UserError } from '../src/errors.js';
import type { FeedService } from '../src/feeds/feed-service.js';
import { DEFAULT_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../src/feeds/options.js';
import { type Block, notice, r, reply } from '../src/reply/model.js';
import type { FeedRow } from '../src/store/feeds.js';
import { defineCommand } from './define-command.js';

function minutes(sec: number): string {
  const m = Math.round(sec / 60);
  return m % 60 === 0 ? `${m / 60} h` : `${m} min`;
}

function ago(then: number | undefined, now: number): string {
  if (then === undefined) return 'never';
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 90) return `${s} s ago`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min ago`;
  if (s < 36 * 3600) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} d ago`;
}

function feedLine(f: FeedRow, now: number): Block {
  const name = f.title ? `${f.title} — ${f.url}` : f.url;
  if (!f.enabled)
    return r.bullet(`${name}: DISABLED (${f.disabledReason ?? 'no reason recorded'}). /sources enable ${f.url}`);
  const state =
    f.failures > 0
      ? `failing (${f.failures} in a row: ${f.lastError ?? 'unknown error'})`
      : f.lastFetchedAt === undefined
        ? 'waiting for its first fetch'
        : `ok, fetched ${ago(f.lastFetchedAt, now)}${f.lastError ? ` (${f.lastError})` : ''}`;
  return r.bullet(`${name}: every ${minutes(f.intervalSec)}, ${state}`);
}

function feedsOf(services: { feeds?: FeedService | undefined }): FeedService {
  if (!services.feeds) throw new UserError('Feed sources are not available with this database yet.');
  return services.feeds;
}

export const sources = defineCommand({
  name: 'sources',
  description: 'List, add, remove or re-enable the news feeds Newsdesk reads',
  options: z.object({
    action: z.enum(['list', 'add', 'remove', 'enable']).default('list').describe('list, add, remove or enable'),
    url: z.string().trim().min(1).max(2000).optional().describe('Feed URL (RSS, Atom or JSON Feed)'),
    every: z.coerce
      .number()
      .int()
      .min(MIN_INTERVAL_MINUTES)
      .max(MAX_INTERVAL_MINUTES)
      .optional()
      .describe(`Minutes between polls (default ${DEFAULT_INTERVAL_MINUTES})`),
  }),
  positional: ['action', 'url'],
  requiresManageChannel: (options) => options.action !== 'list',
  async run({ options, services, invoker }) {
    const feeds = feedsOf(services);
    if (options.action === 'list') {
      const list = await feeds.list();
      if (list.length === 0) return notice('No feeds yet. Add one with /sources add <url>.');
      const now = services.clock.now();
      return reply(
        [
          r.heading('Sources'),
          ...list.map((f) => feedLine(f, now)),
          r.context('New items are checked for on each feed’s interval; /sources add <url> every:60 sets one.'),
        ],
        { ephemeral: true },
      );
    }
    if (!options.url)
      throw new UserError(
        `/sources ${options.action} needs a URL, e.g. /sources ${options.action} https://example.com/feed.xml`,
      );
    if (options.action === 'add') {
      const { status, feed } = await feeds.add(options.url, {
        ...(options.every === undefined ? {} : { intervalMinutes: options.every }),
        addedBy: `${invoker.platform}:${invoker.userId}`,
      });
      const when = `every ${minutes(feed.intervalSec)}`;
      if (status === 'added') {
        return notice(
          `Added ${feed.url}, checked ${when}. Its current items are stored on the first fetch without being announced as new.`,
        );
      }
      return notice(
        status === 'enabled'
          ? `Re-enabled ${feed.url}, checked ${when}.`
          : `${feed.url} is already a source (checked ${when}).`,
      );
    }
    if (options.action === 'enable') {
      const feed = await feeds.enable(options.url);
      if (!feed) throw new UserError(`${options.url} is not a source. Add it with /sources add ${options.url}`);
      return notice(`Re-enabled ${feed.url}; it is fetched again at the next check.`);
    }
    const removed = await feeds.remove(options.url);
    if (!removed) throw new UserError(`${options.url} is not a source. See /sources list.`);
    return notice(`Removed ${options.url}. Its articles stay.`);
  },
});
