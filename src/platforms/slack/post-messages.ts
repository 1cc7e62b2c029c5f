// chat.postMessage for scheduled posts: every part sent in order, Slack's channel errors turned into ChannelError.
import type { webApi } from '@slack/bolt';
import { ChannelError, errorMessage, NewsdeskError } from '../../errors.js';
import type { SlackMessage } from '../../reply/render-slack.js';

const CHANNEL_REASONS = ['channel_not_found', 'not_in_channel', 'is_archived'] as const;
type ChannelReason = (typeof CHANNEL_REASONS)[number];

/** Slack's error code from a Web API failure (`{ok:false,error}`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null) {
    const code = (data as { error?: unknown }).error;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

const isChannelReason = (code: string | undefined): code is ChannelReason =>
  (CHANNEL_REASONS as readonly string[]).includes(code ?? '');

/** Posts each message in order; throws ChannelError for a gone or forbidden channel, NewsdeskError otherwise. */
export async function postMessages(
  client: webApi.WebClient,
  channel: string,
  messages: readonly SlackMessage[],
): Promise<void> {
  for (const [i, m] of messages.entries()) {
    try {
      await client.chat.postMessage({
        channel,
        text: m.text,
        blocks: m.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      const code = slackErrorCode(error);
      const progress = messages.length > 1 ? ` (part ${i + 1} of ${messages.length}; ${i} sent)` : '';
      if (isChannelReason(code)) {
        throw new ChannelError(code, `Slack refused the post to ${channel}: ${code}${progress}`, { cause: error });
      }
      throw new NewsdeskError(
        'slack_post_failed',
        `chat.postMessage to ${channel} failed: ${code ?? errorMessage(error)}${progress}`,
        { cause: error },
      );
    }
  }
}
