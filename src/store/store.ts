// What a backend factory returns: one object, one connection, implementing every store port.
import type { ArticleStore } from './ports.js';
import type { SubscriptionStore } from './subscriptions.js';

/** Articles and subscriptions share one connection and one migration run per backend. */
export type Store = ArticleStore & SubscriptionStore;
