// Scheduler test helpers: a recording platform whose channels can fail, and a scheduler on a manual clock.
import type { createManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/logger.js';
import type { Platform } from '../../src/platforms/platform.js';
import type { Reply } from '../../src/reply/model.js';
import { renderPlain } from '../../src/reply/render-plain.js';
import { createDigestScheduler, type DigestSchedulerOptions } from '../../src/scheduler/digest-scheduler.js';
import type { Store } from '../../src/store/store.js';

export type ManualClock = ReturnType<typeof createManualClock>;

/** A platform that records what it posts; `fail` makes a channel throw instead. */
export function recordingPlatform(name: Platform['name'] = 'console') {
  const posts: { channelId: string; reply: Reply; text: string }[] = [];
  const fail = new Map<string, () => Error>();
  const platform: Pick<Platform, 'name' | 'post'> = {
    name,
    async post(channelId, reply) {
      const error = fail.get(channelId);
      if (error) throw error();
      posts.push({ channelId, reply, text: renderPlain(reply) });
    },
  };
  return { platform, posts, fail };
}

export const silentLogger = createLogger({ level: 'silent' });

/** A scheduler without node-cron timers: tests call tick() after moving the clock. */
export function testScheduler(
  store: Store,
  clock: ManualClock,
  platforms: DigestSchedulerOptions['platforms'],
  extra: Partial<DigestSchedulerOptions> = {},
) {
  return createDigestScheduler({
    store,
    clock,
    platforms,
    catalog: () => [
      { name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'the alliance'] },
      { name: 'Ukraine', aliases: ['Kyiv'] },
    ],
    logger: silentLogger,
    catchupHours: 6,
    cron: false,
    ...extra,
  });
}
