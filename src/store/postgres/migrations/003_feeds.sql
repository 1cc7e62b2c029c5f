-- Feed sources, what each has delivered, which articles came in as a quiet baseline, and every item's outcome.
-- The same four tables as SQLite's 003_feeds.sql; times are ms since the epoch (BIGINT), URLs sort bytewise ("C").
CREATE TABLE feeds (
  url TEXT COLLATE "C" PRIMARY KEY,
  title TEXT,
  interval_sec INTEGER NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT true,
  disabled_reason TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  etag TEXT,
  last_modified TEXT,
  baseline_done BOOLEAN NOT NULL DEFAULT false,
  added_at BIGINT NOT NULL,
  added_by TEXT,
  last_fetched_at BIGINT,
  last_ok_at BIGINT,
  next_fetch_at BIGINT NOT NULL
);
CREATE INDEX feeds_due ON feeds (enabled, next_fetch_at);

-- One row per item a source has delivered: `item_hash` is the item as the feed gives it (dates left out),
-- so an unchanged item is recognised without fetching its page again.
CREATE TABLE feed_items (
  source TEXT NOT NULL,
  item_key TEXT NOT NULL,
  article_id TEXT NOT NULL,
  item_hash TEXT NOT NULL,
  first_seen_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  PRIMARY KEY (source, item_key)
);
CREATE INDEX feed_items_by_article ON feed_items (article_id);

-- Articles stored from a feed's first fetch: they are not news to anyone, so digests leave them out.
CREATE TABLE quiet_articles (
  article_id TEXT PRIMARY KEY,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);

-- What happened to each item read from a source (kept to the most recent rows).
CREATE TABLE ingest_outcomes (
  seq BIGSERIAL PRIMARY KEY,
  at BIGINT NOT NULL,
  source TEXT NOT NULL,
  item TEXT NOT NULL,
  article_id TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ingested', 'duplicate', 'updated', 'baseline', 'failed')),
  reason TEXT
);
CREATE INDEX ingest_outcomes_by_source ON ingest_outcomes (source, seq);
