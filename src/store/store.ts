// What a backend factory returns: one object, one connection, implementing every store port.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type { FeedStore } from './feeds.js';
import type { ArticleStore } from './ports.js';
import { createPostgresFeedStore } from './postgres/feed-store.js';
import { createSqliteFeedStore } from './sqlite/feed-store.js';
import type { SubscriptionStore } from './subscriptions.js';

/** Articles and subscriptions share one connection and one migration run per backend. */
export type Store = ArticleStore & SubscriptionStore;

/** The store as a subscription store, when its backend has one (both built-in backends do). */
export function subscriptionStoreOf(store: ArticleStore): Store | undefined {
  const s = store as Partial<Store>;
  return typeof s.claimSlot === 'function' && typeof s.upsertSubscription === 'function' ? (store as Store) : undefined;
}

/**
 * The feed store that goes with an article store, on the same connection (its migrations ran with the store's):
 * the SQLite store's `db`, the Postgres store's `pool`; undefined for a store that exposes neither.
 */
export function feedStoreFor(store: ArticleStore): FeedStore | undefined {
  if (store.kind === 'sqlite') {
    const db = (store as { db?: unknown }).db;
    if (typeof db === 'object' && db !== null && 'prepare' in db) return createSqliteFeedStore(db as Database.Database);
    return undefined;
  }
  const pool = (store as { pool?: unknown }).pool;
  if (typeof pool === 'object' && pool !== null && 'query' in pool && 'connect' in pool) {
    return createPostgresFeedStore(pool as pg.Pool);
  }
  return undefined;
}
