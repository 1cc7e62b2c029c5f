-- Articles, their sentences (with an FTS5 index) and quotes, and the names they mention.
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  source TEXT NOT NULL,
  url TEXT,
  author TEXT,
  origin TEXT NOT NULL,
  hash TEXT NOT NULL,
  body TEXT NOT NULL,
  analysis TEXT NOT NULL,
  topics TEXT NOT NULL,
  summary TEXT NOT NULL,
  ingested_at INTEGER NOT NULL
);
CREATE INDEX articles_by_date ON articles (date DESC, ingested_at DESC);
CREATE INDEX articles_by_ingest ON articles (ingested_at);

CREATE TABLE sentences (
  rowid INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  paragraph INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX sentences_by_article ON sentences (article_seq);
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
  text, content = 'sentences', content_rowid = 'rowid', tokenize = 'porter unicode61'
);
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE quotes (
  rowid INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL,
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
  end_offset INTEGER NOT NULL
);
CREATE INDEX quotes_by_article ON quotes (article_seq);
CREATE INDEX quotes_by_speaker ON quotes (speaker COLLATE NOCASE);
-- Quotes are found through the sentences they overlap (sentences_fts): one full-text index, not two.

-- One row per name an article uses for an entity or topic; `canonical` groups them.
CREATE TABLE names (
  article_seq INTEGER NOT NULL,
  name_lc TEXT NOT NULL,
  canonical TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT,
  mentions INTEGER NOT NULL
);
CREATE INDEX names_by_article ON names (article_seq);

-- The same names aggregated over all articles, kept up to date on every write, so resolving a
-- topic or suggesting a name reads a few rows whatever the size of the archive.
CREATE TABLE name_index (
  name_lc TEXT NOT NULL,
  canonical TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT,
  articles INTEGER NOT NULL,
  PRIMARY KEY (name_lc, canonical, kind)
) WITHOUT ROWID;
CREATE INDEX name_index_by_canonical ON name_index (canonical);
CREATE INDEX name_index_by_kind ON name_index (kind, articles DESC);
