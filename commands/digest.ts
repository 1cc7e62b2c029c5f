// /digest subscribe|list|unsubscribe|preview: a channel's daily (or cron) news digest.
import { z } from 'zod';
import { UserError } from '../src/errors.js';
import { type Block, notice, type Reply, r, reply } from '../src/reply/model.js';
import type { SubscriptionView } from '../src/scheduler/digest-service.js';
import { defineCommand } from './define-command.js';

/** What `args` holds once read: a schedule, a time zone and topics, in that order, each optional. */
export interface SubscribeArgs {
  schedule?: string | undefined;
  timeZone?: string | undefined;
  topics: string[];
}

const CRON_FIELD = /^[\d*,/-]+$|^[a-z]{3}(-[a-z]{3})?$/i;
const TIME = /^\d{1,2}[:h]\d{2}$/;

/** Words of a line, "quoted phrases" kept whole and unquoted; commas separate too. */
function words(text: string): string[] {
  return (text.match(/"[^"]*"|“[^”]*”|[^\s,]+/g) ?? [])
    .map((w) => w.replace(/^["“]|["”]$/g, '').trim())
    .filter(Boolean);
}

function looksLikeTimeZone(word: string): boolean {
  return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(word) || /^(UTC|GMT|Z)$/i.test(word);
}

/** Reads `07:30 Europe/Paris nato ukraine` (or `"0 8 * * 1-5" UTC nato`, or an unquoted cron) into settings. */
export function parseSubscribeArgs(text: string): SubscribeArgs {
  const raw = text.trim();
  const out: SubscribeArgs = { topics: [] };
  let rest: string[];
  const plain = raw.split(/\s+/).filter(Boolean);
  const quotedCron = /^["“]([^"”]+)["”]\s*/.exec(raw);
  if (quotedCron?.[1] && quotedCron[1].trim().split(/\s+/).length === 5) {
    out.schedule = quotedCron[1].trim();
    rest = words(raw.slice(quotedCron[0].length));
  } else if (
    plain.length >= 5 &&
    plain.slice(0, 5).every((w) => CRON_FIELD.test(w)) &&
    plain.slice(0, 2).every((w) => /^[\d*,/-]+$/.test(w))
  ) {
    out.schedule = plain.slice(0, 5).join(' ');
    rest = words(plain.slice(5).join(' '));
  } else {
    rest = words(raw);
    if (rest[0] && TIME.test(rest[0])) out.schedule = rest.shift();
  }
  if (rest[0] && looksLikeTimeZone(rest[0])) out.timeZone = rest.shift();
  out.topics = rest;
  return out;
}

function when(t: number | null, timeZone: string): string {
  if (t === null) return 'never';
  return `${new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(t))}`;
}

function describe(s: SubscriptionView): string {
  const topics = s.topics.length ? `on ${s.topics.join(', ')}` : 'on every topic';
  const empty = s.quietWhenEmpty ? 'silent when nothing is new' : 'a short note when nothing is new';
  return `${s.label} (${s.timeZone}), ${topics}; ${empty}`;
}

function listLine(s: SubscriptionView): Block {
  const parts = [`${s.platform}:${s.channelId}: ${describe(s)}`];
  if (s.disabledReason) parts.push(`DISABLED (${s.disabledReason}); /digest subscribe again to resume`);
  else parts.push(`next ${when(s.nextRun, s.timeZone)}`);
  parts.push(s.lastSentAt ? `last sent ${when(s.lastSentAt, s.timeZone)}` : 'nothing sent yet');
  return r.bullet(parts.join('; '));
}

export const digest = defineCommand({
  name: 'digest',
  description: 'Daily news digest for this channel: subscribe, list, unsubscribe, preview',
  options: z.object({
    action: z
      .enum(['subscribe', 'list', 'unsubscribe', 'preview'])
      .default('list')
      .describe('subscribe, list, unsubscribe or preview'),
    args: z
      .string()
      .trim()
      .max(300)
      .optional()
      .describe('For subscribe: [HH:MM | "cron"] [time zone] [topics…], e.g. 07:30 Europe/Paris nato'),
    time: z.string().trim().max(100).optional().describe('When: HH:MM (default 08:00) or a cron expression'),
    timezone: z.string().trim().max(64).optional().describe('IANA time zone, e.g. Europe/Paris'),
    topics: z.string().trim().max(300).optional().describe('Topics, comma-separated; empty for every topic'),
    quiet: z.enum(['yes', 'no']).optional().describe('yes: post nothing when nothing is new'),
  }),
  positional: ['action', 'args'],
  requiresManageChannel: (o) => o.action === 'subscribe' || o.action === 'unsubscribe',
  async run({ options, services, invoker }): Promise<Reply> {
    const channel = { platform: invoker.platform, channelId: invoker.channelId };
    const digests = services.digests;
    if (!digests) throw new UserError('Digests are not available with this store.');
    switch (options.action) {
      case 'subscribe': {
        const parsed = parseSubscribeArgs(options.args ?? '');
        const topics = options.topics ? words(options.topics) : parsed.topics;
        const sub = await digests.subscribe(channel, {
          schedule: options.time ?? parsed.schedule,
          timeZone: options.timezone ?? parsed.timeZone,
          topics,
          quietWhenEmpty: options.quiet === undefined ? undefined : options.quiet === 'yes',
          userId: invoker.userId,
        });
        return notice(
          `Subscribed this channel to the digest: ${describe(sub)}. Next: ${when(sub.nextRun, sub.timeZone)} (${sub.timeZone}).`,
          false,
        );
      }
      case 'unsubscribe': {
        const removed = await digests.unsubscribe(channel);
        return notice(removed ? 'Unsubscribed: no more digests here.' : 'This channel has no digest subscription.');
      }
      case 'list': {
        const all = /^all$/i.test(options.args ?? '');
        if (all && !invoker.canManageChannel) throw new UserError('/digest list all needs channel-manager rights.');
        const subs = await digests.list(channel, { all });
        if (subs.length === 0) {
          return notice(
            `No digest subscription here. Try /digest subscribe ${digests.defaults.schedule} ${digests.defaults.timeZone} nato.`,
          );
        }
        return reply(
          [
            r.heading(all ? `Digest subscriptions (${channel.platform})` : 'Digest subscription'),
            ...subs.map(listLine),
          ],
          {
            ephemeral: true,
          },
        );
      }
      case 'preview': {
        const override = options.topics ? words(options.topics) : options.args ? words(options.args) : undefined;
        const p = await digests.preview(channel, override);
        const d = p.digest;
        const blocks: Block[] = [
          r.heading('Digest preview: what would be sent now'),
          r.context(
            p.subscription
              ? `Subscription: ${describe(p.subscription)}.`
              : 'This channel is not subscribed; showing the last 24 hours.',
          ),
          r.context(
            `${d.items.length} in, ${d.excluded.length} out, of the articles ingested since ${new Date(d.since).toISOString()}.`,
          ),
        ];
        for (const t of d.topics) blocks.push(r.context(`Topic "${t.query}" matches: ${t.names.join(', ')}`));
        if (p.reply) blocks.push(r.divider(), ...p.reply.blocks);
        else
          blocks.push(
            r.text('Nothing new, and this subscription is silent when nothing is new: nothing would be posted.'),
          );
        if (d.items.length || d.excluded.length) {
          blocks.push(r.divider(), r.text('Why each article is in or out'));
          for (const i of d.items) blocks.push(r.bullet(`in: ${i.article.title} (${i.reason})`));
          for (const x of d.excluded.slice(0, 20)) blocks.push(r.bullet(`out: ${x.article.title} (${x.reason})`));
          if (d.excluded.length > 20) blocks.push(r.context(`…and ${d.excluded.length - 20} more out.`));
        }
        return reply(blocks, { ephemeral: true });
      }
    }
  },
});
