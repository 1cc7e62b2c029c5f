-- Articles, their sentences and quotes (with FTS5 indexes), and the names they mention.
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
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text, speaker, content = 'quotes', content_rowid = 'rowid', tokenize = 'porter unicode61'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.rowid, new.text, coalesce(new.speaker, ''));
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker) VALUES ('delete', old.rowid, old.text, coalesce(old.speaker, ''));
END;

-- One row per name an article uses for an entity or topic; `canonical` groups them.
CREATE TABLE names (
  article_seq INTEGER NOT NULL,
  name_lc TEXT NOT NULL,
  canonical TEXT NOT NULL,
  kind TEXT NOT NULL,
  role TEXT,
  mentions INTEGER NOT NULL
);
CREATE INDEX names_by_name ON names (name_lc);
CREATE INDEX names_by_article ON names (article_seq);
