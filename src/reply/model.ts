// The platform-neutral Reply model: what a command answers, before any platform renders it.

/** Where a line of a reply comes from: an article and one of its paragraphs (1-based). */
export interface Citation {
  articleId: string;
  title: string;
  paragraph: number;
  source?: string | undefined;
  url?: string | undefined;
  date?: string | undefined;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string }
  | { type: 'bullet'; text: string; citation?: Citation | undefined }
  | {
      type: 'quote';
      text: string;
      speaker: string;
      role?: string | undefined;
      cue?: string | undefined;
      citation?: Citation | undefined;
    }
  | { type: 'divider' }
  | { type: 'context'; text: string };

export interface Reply {
  blocks: Block[];
  /** Shown only to the person who asked, where the platform can (Slack, Discord). */
  ephemeral?: boolean | undefined;
  /** A follow-up command that shows more of the same answer (e.g. "/brief nato page:2"). */
  more?: string | undefined;
  /** Set when the reply reports a failure (bad input, unknown command, an error): the CLI exits non-zero. */
  error?: boolean | undefined;
}

const OUTER_DOUBLE_MARKS = /^[\s"“”„«»]+|[\s"“”„«»]+$/g;

/**
 * The words of a quote without the double quotation marks around them: a stored span may or may
 * not include its marks (and machine-translated text loses or unbalances them), so every renderer
 * gets bare words and puts its own marks around them. Inner marks, single ones included, stay.
 */
export function quoteWords(text: string): string {
  const bare = text.replace(OUTER_DOUBLE_MARKS, '');
  return bare.length > 0 ? bare : text;
}

/** Small builders so commands read like the reply they produce. */
export const r = {
  heading: (text: string): Block => ({ type: 'heading', text }),
  text: (text: string): Block => ({ type: 'text', text }),
  bullet: (text: string, citation?: Citation): Block => ({ type: 'bullet', text, citation }),
  quote: (
    text: string,
    speaker: string,
    extra: { role?: string | undefined; cue?: string | undefined; citation?: Citation | undefined } = {},
  ): Block => ({ type: 'quote', text: quoteWords(text), speaker, ...extra }),
  divider: (): Block => ({ type: 'divider' }),
  context: (text: string): Block => ({ type: 'context', text }),
};

export function reply(blocks: Block[], extra: Omit<Reply, 'blocks'> = {}): Reply {
  return { blocks, ...extra };
}

/** A one-line reply, used for errors and confirmations. */
export function notice(text: string, ephemeral = true): Reply {
  return { blocks: [{ type: 'text', text }], ephemeral };
}

/** A one-line failure reply: shown to the asker only, and marked so the CLI exits non-zero. */
export function failure(text: string): Reply {
  return { blocks: [{ type: 'text', text }], ephemeral: true, error: true };
}

/** A title short enough to repeat on every cited line: cut at a word, with a visible "…". */
export function shortTitle(title: string, max = 48): string {
  if (title.length <= max) return title;
  const cut = title.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** "Former Trump advisers warn he would seek to…, 2024-02-13, ¶3": how a citation reads in every renderer. */
export function citationLabel(c: Citation): string {
  const parts = [shortTitle(c.title)];
  if (c.date) parts.push(c.date);
  parts.push(`¶${c.paragraph}`);
  return parts.join(', ');
}
