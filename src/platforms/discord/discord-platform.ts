// The Discord adapter: slash commands and autocomplete over the gateway, replies as embeds, posts over REST.
import { once } from 'node:events';
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  Options,
  PermissionFlagsBits,
  RESTEvents,
  Routes,
} from 'discord.js';
import type { Invoker } from '../../../commands/define-command.js';
import type { Config } from '../../config.js';
import type { Dispatcher } from '../../dispatch.js';
import { ChannelError, errorMessage } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Reply } from '../../reply/model.js';
import { type DiscordMessage, renderDiscord } from '../../reply/render-discord.js';
import type { Services } from '../../services.js';
import type { Platform } from '../platform.js';
import { suggest } from './autocomplete.js';
import { commandsJson } from './command-json.js';

export interface DiscordPlatformOptions {
  config: NonNullable<Config['discord']>;
  dispatcher: Dispatcher;
  services: Services;
  logger: Logger;
  /**
   * How long a command may run before the answer is deferred ("thinking…") and edited in later.
   * Discord drops an interaction not answered within 3 s; this leaves room for the network.
   */
  deferAfterMs?: number;
  /** How long start() waits for the gateway's READY. */
  readyTimeoutMs?: number;
  /** How long stop() waits for answers in flight. */
  drainTimeoutMs?: number;
}

export interface DiscordPlatform extends Platform {
  /** The commands as registered at start (for logs and tests). */
  readonly registeredCommands: readonly string[];
}

const NO_MENTIONS = { parse: [] as [] };
const AUTOCOMPLETE_BUDGET_MS = 2000;

function replyOptions(m: DiscordMessage, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...(m.content !== undefined ? { content: m.content } : {}),
    embeds: m.embeds ?? [],
    allowedMentions: NO_MENTIONS,
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function editOptions(m: DiscordMessage): InteractionEditReplyOptions {
  return { content: m.content ?? null, embeds: m.embeds ?? [], allowedMentions: NO_MENTIONS };
}

/** Discord's channel error codes as our typed ChannelError; anything else wrapped as "other". */
export function toChannelError(error: unknown, channelId: string): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof DiscordAPIError) {
    if (error.code === 10003 || error.status === 404) {
      return new ChannelError('channel_not_found', `Discord channel ${channelId} does not exist`, { cause: error });
    }
    if (error.code === 50001) {
      return new ChannelError('missing_access', `Newsdesk cannot see Discord channel ${channelId}`, { cause: error });
    }
    if (error.code === 50013) {
      return new ChannelError('missing_access', `Newsdesk may not post in Discord channel ${channelId}`, {
        cause: error,
      });
    }
    const permanent = error.status >= 400 && error.status < 500;
    return new ChannelError('other', `Discord refused a post to ${channelId}: ${error.message}`, {
      cause: error,
      permanent,
    });
  }
  return new ChannelError('other', `Posting to Discord channel ${channelId} failed: ${errorMessage(error)}`, {
    cause: error,
    permanent: false,
  });
}

/** The promise's value, or `fallback` after `ms`; the timer never outlives the race. */
async function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Options as the dispatcher takes them: name -> value, straight from the interaction. */
function interactionOptions(interaction: ChatInputCommandInteraction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const o of interaction.options.data) if (o.value !== undefined) out[o.name] = o.value;
  return out;
}

function invokerOf(interaction: Interaction): Invoker {
  return {
    platform: 'discord',
    userId: interaction.user.id,
    channelId: interaction.channelId ?? '',
    // The interaction's member permissions are computed by Discord for this channel, overwrites included.
    canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
  };
}

export function createDiscordPlatform(options: DiscordPlatformOptions): DiscordPlatform {
  const { config, dispatcher, services, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const log = logger.child({ platform: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // One process runs as many shards as Discord recommends (GET /gateway/bot); see docs/discord.md.
    shards: 'auto',
    allowedMentions: NO_MENTIONS,
    rest: config.apiUrl ? { api: config.apiUrl.replace(/\/+$/, '') } : {},
    // Newsdesk never reads messages or members: keep those caches empty.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMemberManager: 0,
      UserManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
    }),
  });
  // post() works from the REST client alone, before or without the gateway.
  client.rest.setToken(config.token);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let ready = false;
  let registered: string[] = [];

  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ code: event.code, shardId }, 'shard disconnected'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'discord rate limit: waiting'),
  );

  async function sendReply(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
    const ephemeral = Boolean(reply.ephemeral);
    const [first, ...rest] = renderDiscord(reply);
    if (!first) return;
    if (!interaction.deferred && !interaction.replied) {
      await interaction.reply(replyOptions(first, ephemeral));
    } else if (ephemeral && !interaction.ephemeral) {
      // Deferred in public, but the answer is for the asker only: drop "thinking…" and answer privately.
      await interaction.deleteReply();
      await interaction.followUp(replyOptions(first, true));
    } else {
      await interaction.editReply(editOptions(first));
    }
    for (const m of rest) await interaction.followUp(replyOptions(m, ephemeral));
  }

  async function handleCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const started = Date.now();
    const name = interaction.commandName;
    if (stopping) {
      await interaction.reply({
        content: 'Newsdesk is restarting. Please try again in a minute.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const work = dispatcher.run(name, { options: interactionOptions(interaction) }, invokerOf(interaction));
    try {
      const early = await within(work, deferAfterMs, undefined);
      if (early === undefined) {
        await interaction.deferReply();
        await sendReply(interaction, await work);
      } else {
        await sendReply(interaction, early);
      }
      log.info({ command: name, ms: Date.now() - started, deferred: interaction.deferred }, 'answered');
    } catch (err) {
      log.error({ err, command: name }, `discord reply failed: ${errorMessage(err)}`);
      const sorry = {
        content: `Sorry, I could not answer /${name}. It has been logged.`,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      } as const;
      await (interaction.deferred || interaction.replied
        ? interaction.followUp(sorry)
        : interaction.reply(sorry)
      ).catch((e: unknown) => log.warn({ err: e }, 'could not send the apology either'));
    }
  }

  async function handleAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const kind = dispatcher.find(interaction.commandName)?.autocomplete?.[focused.name];
    try {
      const choices = kind
        ? await within(suggest(services.store, kind, String(focused.value)), AUTOCOMPLETE_BUDGET_MS, [])
        : [];
      await interaction.respond(choices);
    } catch (err) {
      log.warn({ err, command: interaction.commandName, option: focused.name }, 'autocomplete failed');
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
  }

  client.on(Events.InteractionCreate, (interaction) => {
    let task: Promise<void>;
    if (interaction.isChatInputCommand()) task = handleCommand(interaction);
    else if (interaction.isAutocomplete()) task = handleAutocomplete(interaction);
    else return;
    const tracked = task
      .catch((err: unknown) => log.error({ err }, 'interaction failed'))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  });

  return {
    name: 'discord',
    get registeredCommands() {
      return registered;
    },
    async start() {
      const timeoutMs = options.readyTimeoutMs ?? 60_000;
      const waiting = new AbortController();
      const timer = setTimeout(
        () => waiting.abort(new Error(`Discord sent no READY within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const readyEvent = once(client, Events.ClientReady, { signal: waiting.signal });
      // A failed login rejects below; this keeps the abandoned wait from becoming an unhandled rejection.
      readyEvent.catch(() => undefined);
      try {
        await client.login(config.token);
        await readyEvent;
      } finally {
        clearTimeout(timer);
        waiting.abort();
      }
      const applicationId = client.application?.id ?? client.user?.id;
      if (!applicationId) throw new Error('Discord READY carried no application id');
      const body = commandsJson(dispatcher.commands);
      const route = config.guildId
        ? Routes.applicationGuildCommands(applicationId, config.guildId)
        : Routes.applicationCommands(applicationId);
      await client.rest.put(route, { body });
      registered = body.map((c) => c.name);
      ready = true;
      log.info(
        {
          user: client.user?.tag,
          shards: client.options.shardCount,
          commands: registered.length,
          scope: config.guildId ? `guild ${config.guildId}` : 'global',
        },
        'discord ready',
      );
    },
    async stop() {
      stopping = true;
      ready = false;
      await within(Promise.allSettled([...inFlight]), options.drainTimeoutMs ?? 10_000, undefined);
      await client.destroy();
    },
    async post(channelId, reply) {
      for (const body of renderDiscord(reply)) {
        try {
          // The REST client waits out 429s (Retry-After) and retries; it never drops the post.
          await client.rest.post(Routes.channelMessages(channelId), { body });
        } catch (err) {
          throw toChannelError(err, channelId);
        }
      }
    },
    isReady() {
      return ready && client.isReady();
    },
  };
}
