// The services a command can use: built once in main.ts and handed to every platform.
import type { Briefing } from './briefing/briefing.js';
import type { Clock } from './clock.js';
import type { FeedService } from './feeds/feed-service.js';
import type { Logger } from './logger.js';
import type { Digests } from './scheduler/digest-service.js';
import type { ArticleStore } from './store/ports.js';

export interface Services {
  store: ArticleStore;
  briefing: Briefing;
  clock: Clock;
  logger: Logger;
  /** Feed sources (/sources); absent on stores without feed storage. */
  feeds?: FeedService | undefined;
  /** Digest subscriptions (/digest); absent on stores without subscription storage. */
  digests?: Digests | undefined;
}
