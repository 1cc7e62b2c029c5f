// What a backend factory returns: one object, one connection, implementing every store port.
import type { ArticleStore } from './ports.js';
import type { SubscriptionStore } from './subscriptions.js';

/** Articles and subscriptions share one connection and one migration run per backend. */
export type Store = ArticleStore & SubscriptionStore;

/** The store as a subscription store, when its backend has one (both built-in backends do). */
export function subscriptionStoreOf(store: ArticleStore): Store | undefined {
  const s = store as Partial<Store>;
  return typeof s.claimSlot === 'function' && typeof s.upsertSubscription === 'function' ? (store as Store) : undefined;
}
