-- Articles, their sentences and quotes (tsvector + GIN, english config), and the names they mention.
CREATE TABLE articles (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT COLLATE "C" NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  author TEXT,
  origin TEXT NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL,
  analysis JSONB NOT NULL,
  topics JSONB NOT NULL,
  summary JSONB NOT NULL,
  ingested_at BIGINT NOT NULL
);
CREATE INDEX articles_by_date ON articles (date DESC, ingested_at DESC);
CREATE INDEX articles_by_ingest ON articles (ingested_at);

CREATE TABLE sentences (
  rowid BIGSERIAL PRIMARY KEY,
  article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX sentences_by_article ON sentences (article_seq);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);

CREATE TABLE quotes (
  rowid BIGSERIAL PRIMARY KEY,
  article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT,
  speaker_start INTEGER,
  speaker_end INTEGER,
  role TEXT,
  cue TEXT,
  kind TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  -- The words alone (topic mentions), and words plus speaker with the speaker weighted lower (/whosaid).
  text_tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  tsv TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('english', text), 'A') || setweight(to_tsvector('english', coalesce(speaker, '')), 'C')
  ) STORED
);
CREATE INDEX quotes_by_article ON quotes (article_seq);
CREATE INDEX quotes_by_speaker ON quotes (lower(speaker));
CREATE INDEX quotes_text_tsv ON quotes USING GIN (text_tsv);
CREATE INDEX quotes_tsv ON quotes USING GIN (tsv);

-- One row per name an article uses for an entity or topic; `canonical` groups them.
CREATE TABLE names (
  article_seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  name_lc TEXT COLLATE "C" NOT NULL,
  canonical TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  role TEXT,
  mentions INTEGER NOT NULL
);
CREATE INDEX names_by_name ON names (name_lc);
CREATE INDEX names_by_canonical ON names (canonical);
CREATE INDEX names_by_article ON names (article_seq);
