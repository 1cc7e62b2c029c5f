// The structured reading of one article: what the reading machine stores at ingest time.

/** A paragraph of the body; start/end are offsets into the body text. `index` is 1-based. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A sentence; start/end are offsets into the body text; `paragraph` is the 1-based paragraph. */
export interface Sentence {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export type EntityKind = 'person' | 'organization' | 'place' | 'other';

/** A named thing the article mentions, with every name it goes by. */
export interface Entity {
  /** Canonical name: the fullest form the article gives ("John Bolton"). */
  name: string;
  kind: EntityKind;
  /** Other names in the article for the same entity ("Bolton", "NATO", "the alliance"). */
  aliases: string[];
  /** The role the article gives, from an apposition ("Trump's former national security adviser"). */
  role: string | null;
  mentions: number;
}

export type QuoteKind = 'direct' | 'indirect' | 'unmarked' | 'mixed';

/** One attribution: the words, who said them, and how the text tells us so. */
export interface Quote {
  /** The attributed words, exactly body.slice(start, end). */
  text: string;
  start: number;
  end: number;
  /** Canonical speaker name, or a description for anonymous sources ("a former senior US official"). */
  speaker: string | null;
  /** The mention the speaker was read from ("Kelly", "he", "the newspaper"), as offsets. */
  speakerStart: number | null;
  speakerEnd: number | null;
  role: string | null;
  cue: string | null;
  kind: QuoteKind;
  /** 1-based paragraph of the quote's start. */
  paragraph: number;
  /**
   * When the attribution interrupts the words it reports ("American support, they say, would be at risk"):
   * the reported pieces, without the interruption. `text` is then the whole stretch, shown in chat as
   * one quote; `newsdesk extract` prints each piece (PolNeAR's convention). Not stored.
   */
  parts?: { start: number; end: number; kind: QuoteKind }[];
}

export interface Analysis {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  entities: Entity[];
  quotes: Quote[];
  /** Topic names (canonical) the article is about, most central first. */
  topics: string[];
  /** A short summary: sentences of the article, each whole or with asides cut (verbatim pieces of it). */
  summary: string[];
  /** The 1-based paragraph each summary line comes from (absent in readings stored before version 9). */
  summaryParagraphs?: number[];
}
