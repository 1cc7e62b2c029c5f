// The digests service commands use: subscribe, list, unsubscribe and preview a channel's digest.
import { type ComposeDigestOptions, composeDigest, type Digest, renderDigest } from '../briefing/digest.js';
import type { Clock } from '../clock.js';
import { isValidTimeZone } from '../config.js';
import { UserError } from '../errors.js';
import type { TopicCatalog } from '../nlp/topics.js';
import type { Reply } from '../reply/model.js';
import type { Store } from '../store/store.js';
import type { Subscription } from '../store/subscriptions.js';
import { nextSlot, parseSchedule, scheduleLabel } from './slots.js';

/** Where a digest goes: a platform's channel. */
export interface DigestChannel {
  platform: string;
  channelId: string;
}

export interface SubscribeSettings {
  /** "HH:MM" or a 5-field cron expression; default 08:00. */
  schedule?: string | undefined;
  /** IANA time zone; default DIGEST_TIMEZONE. */
  timeZone?: string | undefined;
  topics?: readonly string[] | undefined;
  quietWhenEmpty?: boolean | undefined;
  userId: string;
}

/** A subscription as /digest list shows it. */
export interface SubscriptionView extends Subscription {
  /** "07:30 daily" or "cron 0 8 * * 1-5". */
  label: string;
  /** The next scheduled slot, or null when disabled or never. */
  nextRun: number | null;
}

export interface DigestPreview {
  subscription: SubscriptionView | null;
  digest: Digest;
  /** What would be posted now; null when nothing is new and the subscription is quiet. */
  reply: Reply | null;
}

export interface Digests {
  /** The defaults a bare `/digest subscribe` uses. */
  readonly defaults: { schedule: string; timeZone: string };
  /** Subscribes a channel (or changes its settings); throws UserError on a bad schedule or time zone. */
  subscribe(channel: DigestChannel, settings: SubscribeSettings): Promise<SubscriptionView>;
  /** Stops a channel's digests; false when it had none. */
  unsubscribe(channel: DigestChannel): Promise<boolean>;
  /** The channel's subscription, or every subscription on its platform with `all`. */
  list(channel: DigestChannel, options?: { all?: boolean }): Promise<SubscriptionView[]>;
  /** What the channel's digest would hold if sent now, with why each article is in or out. */
  preview(channel: DigestChannel, topics?: readonly string[]): Promise<DigestPreview>;
  /** Called after a subscription changes, so the scheduler can pick it up at once. */
  onChange(listener: () => void): void;
}

export interface DigestServiceOptions {
  store: Store;
  catalog: () => TopicCatalog;
  clock: Clock;
  /** DIGEST_TIMEZONE. */
  timeZone: string;
  /** Default daily time, "08:00". */
  defaultTime?: string;
  /** Of these article ids, the feed baseline ones that digests leave out (the feed store's). */
  quietArticleIds?: ComposeDigestOptions['quietArticleIds'];
}

export function createDigestService(options: DigestServiceOptions): Digests {
  const { store, clock } = options;
  const defaults = { schedule: options.defaultTime ?? '08:00', timeZone: options.timeZone };
  const listeners: (() => void)[] = [];
  const changed = () => {
    for (const l of listeners) l();
  };

  const view = (sub: Subscription): SubscriptionView => ({
    ...sub,
    label: scheduleLabel(sub.schedule),
    nextRun: sub.disabledReason ? null : nextSlot(sub.schedule, sub.timeZone, clock.now()),
  });

  return {
    defaults,
    async subscribe(channel, settings) {
      const scheduleText = settings.schedule ?? defaults.schedule;
      const schedule = parseSchedule(scheduleText);
      if (!schedule) {
        throw new UserError(
          `"${scheduleText}" is not a time (HH:MM, e.g. 07:30) or a 5-field cron expression (e.g. "0 8 * * 1-5").`,
        );
      }
      const timeZone = settings.timeZone ?? defaults.timeZone;
      if (!isValidTimeZone(timeZone)) {
        throw new UserError(`"${timeZone}" is not an IANA time zone (e.g. Europe/Paris, America/New_York, UTC).`);
      }
      if (nextSlot(schedule.cron, timeZone, clock.now()) === null) {
        throw new UserError(`"${scheduleText}" never falls due.`);
      }
      const topics = [...new Set((settings.topics ?? []).map((t) => t.trim()).filter(Boolean))].slice(0, 20);
      const sub = await store.upsertSubscription(
        {
          platform: channel.platform,
          channelId: channel.channelId,
          schedule: schedule.cron,
          timeZone,
          topics,
          quietWhenEmpty: settings.quietWhenEmpty ?? false,
          createdBy: settings.userId,
        },
        clock.now(),
      );
      changed();
      return view(sub);
    },
    async unsubscribe(channel) {
      const removed = await store.deleteSubscription(channel.platform, channel.channelId);
      if (removed) changed();
      return removed;
    },
    async list(channel, opts = {}) {
      const subs = await store.listSubscriptions(
        opts.all ? { platform: channel.platform } : { platform: channel.platform, channelId: channel.channelId },
      );
      return subs.map(view);
    },
    async preview(channel, topics) {
      const sub = await store.getSubscription(channel.platform, channel.channelId);
      const now = clock.now();
      const digest = await composeDigest({
        store,
        catalog: options.catalog(),
        topics: topics ?? sub?.topics ?? [],
        since: sub?.coveredUntil ?? now - 86_400_000,
        at: now,
        timeZone: sub?.timeZone ?? defaults.timeZone,
        quietArticleIds: options.quietArticleIds,
      });
      return {
        subscription: sub ? view(sub) : null,
        digest,
        reply: renderDigest(digest, { quietWhenEmpty: sub?.quietWhenEmpty ?? false }),
      };
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
