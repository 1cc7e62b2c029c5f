// The briefing service port: what commands ask for, answered from the store.

import type { QuoteKind } from '../nlp/types.js';
import type { Citation } from '../reply/model.js';
import type { ArticleMetaRow, NameRow, QuoteHit } from '../store/ports.js';

/** A line of a brief: a sentence from an article, with where it comes from. */
export interface BriefLine {
  text: string;
  citation: Citation;
  /** Other articles that say nearly the same thing (merged near-duplicates). */
  alsoIn: Citation[];
}

export interface BriefQuote {
  text: string;
  speaker: string;
  role: string | null;
  cue: string | null;
  /** 'indirect' words are the article's report of what was said, not the speaker's own words. */
  kind: QuoteKind;
  citation: Citation;
}

export interface TopicBrief {
  /** The topic as resolved ("NATO"), or null when no article mentions it. */
  topic: string | null;
  /** What the user asked for. */
  query: string;
  /** Names the topic was matched by. */
  matchedNames: string[];
  facts: BriefLine[];
  quotes: BriefQuote[];
  /** Other voices: quotes from the other side (e.g. the subject's own camp), when articles give them. */
  otherVoices: BriefQuote[];
  /** How many articles the brief draws on. */
  articleCount: number;
  /** When the topic is unknown: the closest known topics. */
  suggestions: string[];
  /** Page shown (1-based) and whether more lines exist. */
  page: number;
  hasMore: boolean;
}

export interface ArticleSummaryResult {
  article: ArticleMetaRow;
  sentences: { text: string; paragraph: number }[];
  topQuote: BriefQuote | null;
}

export interface WhoSaidResult {
  query: string;
  /** Quotes that contain the words asked about (best first); empty when nobody said it. */
  matches: (BriefQuote & { score: number; context: string })[];
  /** When nobody said it: the closest quotes. */
  closest: (BriefQuote & { score: number })[];
}

export interface QuotesByResult {
  query: string;
  /** The person as resolved ("John Bolton"), or null. */
  person: string | null;
  role: string | null;
  quotes: BriefQuote[];
  suggestions: string[];
}

export interface Briefing {
  /** Key facts, quotes and other voices on a topic across the articles. */
  brief(topic: string, options?: { page?: number }): Promise<TopicBrief>;
  /** A short summary of one article (by id or title words), or of the newest. */
  summary(article?: string): Promise<ArticleSummaryResult>;
  /** Who said words like these, verbatim, with source and context. */
  whoSaid(fragment: string): Promise<WhoSaidResult>;
  /** What a person said, verbatim, with role and source. */
  quotesBy(person: string): Promise<QuotesByResult>;
  /** Known topics, most covered first. */
  topics(limit?: number): Promise<NameRow[]>;
}

export type { QuoteHit };
