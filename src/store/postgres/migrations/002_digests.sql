-- Digest subscriptions (one per channel) and the per-slot claims that make each digest go out once.
CREATE TABLE subscriptions (
  id TEXT PRIMARY KEY,
  platform TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  schedule TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  topics JSONB NOT NULL,
  quiet_when_empty BOOLEAN NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_slot BIGINT,
  last_sent_at BIGINT,
  covered_until BIGINT NOT NULL,
  disabled_reason TEXT,
  disabled_at BIGINT,
  UNIQUE (platform, channel_id)
);

CREATE TABLE digest_claims (
  subscription_id TEXT NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  slot BIGINT NOT NULL,
  status TEXT NOT NULL,
  holder TEXT NOT NULL,
  lease_expires_at BIGINT NOT NULL,
  attempts INTEGER NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  kind TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (subscription_id, slot)
);
