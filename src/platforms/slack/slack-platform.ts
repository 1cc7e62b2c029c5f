// The Slack adapter: every command as a slash command on @slack/bolt (HTTP or Socket Mode), and posts for digests.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type AllMiddlewareArgs,
  App,
  type BlockAction,
  type ButtonAction,
  HTTPReceiver,
  type Receiver,
  type RespondFn,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  SocketModeReceiver,
} from '@slack/bolt';
import { z } from 'zod';
import type { Invoker } from '../../../commands/define-command.js';
import type { Config } from '../../config.js';
import type { Dispatcher } from '../../dispatch.js';
import { errorMessage, NewsdeskError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { Reply } from '../../reply/model.js';
import { renderSlack, type SlackButton, type SlackMessage } from '../../reply/render-slack.js';
import type { Platform } from '../platform.js';
import { createBoltLogger } from './bolt-logger.js';
import { createManagerRights } from './manager-rights.js';
import { postMessages } from './post-messages.js';
import { guardRequests } from './request-guard.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export const SHARE_ACTION = 'newsdesk_share';
export const MORE_ACTION = 'newsdesk_more';

export interface SlackPlatformOptions {
  config: NonNullable<Config['slack']>;
  dispatcher: Dispatcher;
  logger: Logger;
  /** Milliseconds since the epoch, for the request timestamp checks (a fixed clock in tests). */
  now?: () => number;
}

export interface SlackPlatform extends Platform {
  readonly name: 'slack';
  /** Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise. */
  readonly mode: 'http' | 'socket';
  /** The port the HTTP receiver listens on once started (HTTP mode only). */
  port(): number | undefined;
}

/** What a button carries: the command and its text, so a click re-runs it (no cache to lose on restart). */
const buttonValue = z.object({ c: z.string().min(1).max(40), t: z.string().max(1900) });
type ButtonValue = z.infer<typeof buttonValue>;

function encodeButton(value: ButtonValue): string {
  return JSON.stringify(value);
}

function decodeButton(raw: string | undefined): ButtonValue | undefined {
  try {
    const parsed = buttonValue.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** "/brief nato page:2" -> { c: 'brief', t: 'nato page:2' }. */
function parseMore(more: string): ButtonValue | undefined {
  const m = /^\/?([a-z0-9_-]+)\s*(.*)$/i.exec(more.trim());
  return m?.[1] ? { c: m[1].toLowerCase(), t: m[2] ?? '' } : undefined;
}

/** The Web API base URL must end with a slash, or method names are appended to its last segment. */
function apiBase(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.endsWith('/') ? url : `${url}/`;
}

export function createSlackPlatform(options: SlackPlatformOptions): SlackPlatform {
  const { config, dispatcher } = options;
  const logger = options.logger.child({ platform: 'slack' });
  const boltLogger = createBoltLogger(logger);
  const slackApiUrl = apiBase(config.apiUrl);
  // A few quick retries for 5xx and network errors, then the caller's own backoff takes over
  // (the digest scheduler retries for hours); the client's default would hold a post for ~30 min.
  // 429s are still waited out for their Retry-After by the client.
  const retryConfig = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 4000 };
  const clientOptions = slackApiUrl ? { slackApiUrl, retryConfig } : { retryConfig };
  const mode: SlackPlatform['mode'] = config.appToken ? 'socket' : 'http';

  let receiver: Receiver;
  let socketReceiver: SocketModeReceiver | undefined;
  if (config.appToken) {
    socketReceiver = new SocketModeReceiver({
      appToken: config.appToken,
      logger: boltLogger,
      installerOptions: { clientOptions },
    });
    receiver = socketReceiver;
  } else {
    if (!config.signingSecret) {
      throw new NewsdeskError('slack_config', 'Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN).');
    }
    const http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      port: config.port,
      logger: boltLogger,
    });
    http.requestListener = guardRequests(http.requestListener, {
      paths: [SLACK_EVENTS_PATH],
      now: options.now,
      logger,
    });
    receiver = http;
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger: boltLogger,
    clientOptions,
    // auth.test runs in start(), so a bad token fails there and not on the first command.
    deferInitialization: true,
  });
  const rights = createManagerRights({ client: app.client, logger });
  const inFlight = new Set<Promise<void>>();
  let server: Server | undefined;
  let ready = false;
  let stopping = false;

  /** Runs a handler's work, tracked so stop() can wait for it. */
  function track(work: Promise<void>): Promise<void> {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  }

  async function invokerFor(userId: string, channelId: string): Promise<Invoker> {
    return { platform: 'slack', userId, channelId, canManageChannel: await rights.canManage(userId) };
  }

  /** Sends a reply through response_url: ephemeral with buttons, or in the channel without. */
  async function send(respond: RespondFn, reply: Reply, asked: ButtonValue, inChannel: boolean): Promise<void> {
    const buttons: SlackButton[] = [];
    if (!inChannel && !reply.error && !reply.ephemeral) {
      buttons.push({ actionId: SHARE_ACTION, text: 'Post to channel', value: encodeButton(asked), style: 'primary' });
    }
    const more = !inChannel && reply.more ? parseMore(reply.more) : undefined;
    if (more) buttons.push({ actionId: MORE_ACTION, text: 'More', value: encodeButton(more) });
    const messages: SlackMessage[] = renderSlack(reply, { buttons });
    for (const m of messages) {
      await respond({
        response_type: inChannel ? 'in_channel' : 'ephemeral',
        replace_original: false,
        text: m.text,
        blocks: m.blocks,
      });
    }
  }

  /** The last resort after an unexpected failure: one short private line, never a stack. */
  async function apologise(respond: RespondFn, command: string, error: unknown): Promise<void> {
    logger.error({ err: error, command }, `slack command failed: ${errorMessage(error)}`);
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: `Sorry, something went wrong answering /${command}. It has been logged.`,
      });
    } catch (again) {
      logger.error({ err: again, command }, 'slack apology could not be sent either');
    }
  }

  for (const command of dispatcher.commands) {
    app.command(`/${command.name}`, async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
      // Ack first: Slack gives 3 seconds, and the answer goes through response_url.
      await args.ack();
      const body = args.command;
      const asked = { c: command.name, t: body.text ?? '' };
      await track(
        (async () => {
          try {
            const invoker = await invokerFor(body.user_id, body.channel_id);
            const reply = await dispatcher.run(command.name, { text: asked.t }, invoker);
            await send(args.respond, reply, asked, false);
          } catch (error) {
            await apologise(args.respond, command.name, error);
          }
        })(),
      );
    });
  }

  // A command set up in Slack but not served here (an old manifest): answer instead of letting Slack time out.
  app.command(/^\/.+/, async (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const body = args.command;
    if (dispatcher.find(body.command)) return;
    await args.ack();
    const name = body.command.replace(/^\//, '');
    const invoker: Invoker = {
      platform: 'slack',
      userId: body.user_id,
      channelId: body.channel_id,
      canManageChannel: false,
    };
    await track(
      (async () => {
        try {
          await send(
            args.respond,
            await dispatcher.run(name, { text: body.text ?? '' }, invoker),
            { c: name, t: '' },
            false,
          );
        } catch (error) {
          await apologise(args.respond, name, error);
        }
      })(),
    );
  });

  function onButton(inChannel: boolean) {
    return async (args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
      await args.ack();
      const asked = decodeButton(args.action.value);
      const channelId = args.body.channel?.id ?? args.body.container?.channel_id ?? '';
      await track(
        (async () => {
          if (!asked) {
            await apologise(args.respond, 'newsdesk', new Error(`bad button value: ${String(args.action.value)}`));
            return;
          }
          try {
            const invoker = await invokerFor(args.body.user.id, channelId);
            const reply = await dispatcher.run(asked.c, { text: asked.t }, invoker);
            // A failure on re-run is told privately, never posted to the channel.
            const share = inChannel && !reply.error;
            await send(args.respond, reply, asked, share);
            // The private copy has been shared; removing it keeps a second click from posting twice.
            if (share) await args.respond({ delete_original: true });
          } catch (error) {
            await apologise(args.respond, asked.c, error);
          }
        })(),
      );
    };
  }
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: SHARE_ACTION }, onButton(true));
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: MORE_ACTION }, onButton(false));

  app.error(async (error) => {
    logger.error({ err: error }, `slack listener error: ${errorMessage(error)}`);
  });

  socketReceiver?.client.on('connected', () => {
    ready = !stopping;
  });
  socketReceiver?.client.on('disconnected', () => {
    ready = false;
  });

  return {
    name: 'slack',
    mode,
    port() {
      const address = server?.address();
      return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
    },
    async start() {
      await app.init();
      if (mode === 'http') {
        server = (await app.start(config.port)) as Server;
        ready = true;
        logger.info({ mode, port: this.port(), path: SLACK_EVENTS_PATH }, 'slack listening');
      } else {
        await app.start();
        ready = true;
        logger.info({ mode }, 'slack connected (socket mode)');
      }
    },
    async stop() {
      stopping = true;
      ready = false;
      await app.stop().catch((err: unknown) => logger.warn({ err: errorMessage(err) }, 'slack receiver stop failed'));
      // Answers already acknowledged still go out before we close.
      await Promise.allSettled([...inFlight]);
      server = undefined;
    },
    async post(channelId, reply) {
      await postMessages(app.client, channelId, renderSlack({ ...reply, ephemeral: false }));
    },
    isReady() {
      return ready;
    },
  };
}
