// What every chat platform adapter offers the rest of Newsdesk: start, stop, post, readiness.
import type { Reply } from '../reply/model.js';

export type PlatformName = 'console' | 'slack' | 'discord';

export interface Platform {
  readonly name: PlatformName;
  /** Connects and starts serving commands. */
  start(): Promise<void>;
  /** Stops taking new work, finishes what is in flight, disconnects. */
  stop(): Promise<void>;
  /** Posts a reply to a channel (scheduled digests); throws ChannelError for gone or forbidden channels. */
  post(channelId: string, reply: Reply): Promise<void>;
  /** Whether it is connected and serving (for /readyz). */
  isReady(): boolean;
}
