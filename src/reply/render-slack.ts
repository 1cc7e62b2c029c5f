// Block Kit renderer for the Reply model: Slack's limits kept, mrkdwn escaped, and nothing in the text can ping.
import { type Block, type Citation, citationLabel, type Reply } from './model.js';

/** Slack's limits, with the undocumented cumulative one measured at about 12k characters a message. */
export const SLACK_LIMITS = {
  headerChars: 150,
  sectionChars: 3000,
  contextChars: 3000,
  blocksPerMessage: 50,
  charsPerMessage: 12_000,
  fallbackChars: 300,
  buttonTextChars: 75,
  buttonValueChars: 2000,
  /** A response_url takes at most 5 messages; longer answers are trimmed with a notice. */
  messagesPerReply: 5,
} as const;

export interface SlackPlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface SlackMrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export interface SlackButtonElement {
  type: 'button';
  action_id: string;
  text: SlackPlainText;
  value: string;
  style?: 'primary' | 'danger';
}

export type SlackBlock =
  | { type: 'header'; text: SlackPlainText }
  | { type: 'section'; text: SlackMrkdwn }
  | { type: 'divider' }
  | { type: 'context'; elements: SlackMrkdwn[] }
  | { type: 'actions'; elements: SlackButtonElement[] };

/** One chat message: fallback text for notifications and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** A button the platform adds under the answer (share, more). */
export interface SlackButton {
  actionId: string;
  text: string;
  value: string;
  style?: 'primary' | 'danger';
}

export interface RenderSlackOptions {
  /** Buttons shown under the last message (dropped if their value is longer than Slack allows). */
  buttons?: readonly SlackButton[];
  /** At most this many messages (default 5, the response_url limit). */
  maxMessages?: number;
  /** Per-message limits, overridable so tests can exercise splitting with small inputs. */
  maxBlocks?: number;
  maxChars?: number;
}

const ZWJ = '\u200D';

/** Escapes the three characters mrkdwn treats as control characters: `<!channel>`, `<@U…>` and links become inert text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Breaks bare @here / @channel / @everyone with a zero-width joiner so no client turns them into a ping. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(here|channel|everyone)\b/gi, `@${ZWJ}$1`);
}

/** Untrusted text (article text, user input) made safe for any Slack text field. */
export function safeText(text: string): string {
  return neutraliseMentions(escapeMrkdwn(text));
}

/** Cuts escaped text to `max` characters with a visible "…", never inside an `&amp;`-style entity. */
export function trimEscaped(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.8) cut = cut.slice(0, space);
  // A cut can turn a harmless word into a mention ("@channelA" -> "@channel…"): defuse again, and
  // the joiner that adds must still fit.
  let out = neutraliseMentions(`${cut.trimEnd()}…`);
  while (out.length > max && cut.length > 0) {
    cut = cut.slice(0, cut.length - (out.length - max));
    out = neutraliseMentions(`${cut.trimEnd()}…`);
  }
  return out;
}

/** Splits escaped text into chunks of at most `max` characters, at whitespace where possible. */
export function splitEscaped(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max * 0.5) cut = rest.lastIndexOf(' ', max);
    if (cut < max * 0.5) {
      cut = max;
      const amp = rest.lastIndexOf('&', cut);
      if (amp > cut - 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    }
    // A cut can end a chunk on a mention ("@everyone|0"): defusing it adds a joiner, which must fit.
    let chunk = neutraliseMentions(rest.slice(0, cut).trimEnd());
    while (chunk.length > max && cut > 1) {
      cut -= chunk.length - max;
      chunk = neutraliseMentions(rest.slice(0, cut).trimEnd());
    }
    chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length) chunks.push(rest);
  return chunks.filter((c) => c.length > 0);
}

/** Longest citation label and link URL: together with a trimmed attribution they leave room for the text in a section. */
const MAX_LABEL_CHARS = 300;
const MAX_URL_CHARS = 1000;
const MAX_ATTRIBUTION_CHARS = 500;

/** A citation as mrkdwn: a link when the article has an http(s) URL (not absurdly long), plain text otherwise. */
function citationMrkdwn(c: Citation): string {
  const label = trimEscaped(safeText(citationLabel(c)).replace(/\|/g, '¦'), MAX_LABEL_CHARS);
  if (c.url && c.url.length <= MAX_URL_CHARS && /^https?:\/\/[^\s]+$/i.test(c.url)) {
    const url = escapeMrkdwn(c.url).replace(/\|/g, '%7C');
    return `<${url}|${label}>`;
  }
  return label;
}

const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const context = (text: string): SlackBlock => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: trimEscaped(text, SLACK_LIMITS.contextChars) }],
});

/** A body and a fixed suffix in one section: only the body is trimmed, so links stay whole. */
function sectionWithSuffix(prefix: string, body: string, suffix: string): SlackBlock {
  const room = SLACK_LIMITS.sectionChars - prefix.length - suffix.length;
  return section(`${prefix}${trimEscaped(body, Math.max(1, room))}${suffix}`);
}

function renderBlock(b: Block): SlackBlock[] {
  switch (b.type) {
    case 'heading': {
      const text = trimEscaped(safeText(b.text.replace(/\s+/g, ' ').trim()), SLACK_LIMITS.headerChars);
      return text ? [{ type: 'header', text: { type: 'plain_text', text, emoji: false } }] : [];
    }
    case 'text':
      return splitEscaped(safeText(b.text), SLACK_LIMITS.sectionChars).map(section);
    case 'bullet': {
      if (!b.text.trim()) return [];
      const cite = b.citation ? `  _(${citationMrkdwn(b.citation)})_` : '';
      return [sectionWithSuffix('• ', safeText(b.text), cite)];
    }
    case 'quote': {
      const who = [safeText(b.speaker), b.role ? safeText(b.role) : ''].filter(Boolean);
      const name = who[0] ? `*${who[0]}*` : '';
      const attribution = trimEscaped([name, ...who.slice(1)].filter(Boolean).join(', '), MAX_ATTRIBUTION_CHARS);
      const cite = b.citation ? ` · _${citationMrkdwn(b.citation)}_` : '';
      const quoted = safeText(b.text.replace(/\s*\n\s*/g, ' ').trim());
      return [sectionWithSuffix('>“', quoted, `”\n— ${attribution}${cite}`)];
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'context':
      return b.text.trim() ? [context(safeText(b.text))] : [];
  }
}

/** How many characters a block adds to a message's cumulative total. */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
    case 'section':
      return block.text.text.length;
    case 'divider':
      return 0;
    case 'context':
      return block.elements.reduce((n, e) => n + e.text.length, 0);
    case 'actions':
      return block.elements.reduce((n, e) => n + e.text.text.length + e.value.length, 0);
  }
}

export function messageChars(message: SlackMessage): number {
  return message.blocks.reduce((n, b) => n + blockChars(b), 0);
}

function actionsBlock(buttons: readonly SlackButton[]): SlackBlock | undefined {
  const elements: SlackButtonElement[] = buttons
    .filter((b) => b.value.length <= SLACK_LIMITS.buttonValueChars)
    .map((b) => ({
      type: 'button',
      action_id: b.actionId,
      text: { type: 'plain_text', text: trimEscaped(b.text, SLACK_LIMITS.buttonTextChars), emoji: false },
      value: b.value,
      ...(b.style ? { style: b.style } : {}),
    }));
  return elements.length ? { type: 'actions', elements } : undefined;
}

/** The notification text of a message: its first words, plain and short. */
function fallbackText(blocks: readonly SlackBlock[], part: number, parts: number): string {
  let first = '';
  for (const b of blocks) {
    if (b.type === 'header' || b.type === 'section') first = b.text.text;
    else if (b.type === 'context') first = b.elements[0]?.text ?? '';
    if (first) break;
  }
  const label = parts > 1 ? ` (${part}/${parts})` : '';
  // Links become their labels first: trimming must never leave half a `<url|label>` behind.
  const plain = first.replace(/<[^<>|]*\|([^<>]*)>/g, '$1');
  const text = trimEscaped(plain.replace(/\s+/g, ' ').trim() || 'Newsdesk', SLACK_LIMITS.fallbackChars);
  return `${text}${label}`;
}

/** Renders a Reply as one or more Slack messages, each within Slack's block, section and size limits. */
export function renderSlack(reply: Reply, options: RenderSlackOptions = {}): SlackMessage[] {
  const maxBlocks = options.maxBlocks ?? SLACK_LIMITS.blocksPerMessage;
  const maxChars = options.maxChars ?? SLACK_LIMITS.charsPerMessage;
  const maxMessages = Math.max(1, options.maxMessages ?? SLACK_LIMITS.messagesPerReply);

  const content = reply.blocks.flatMap(renderBlock);
  if (reply.more) content.push(context(`More: \`${safeText(reply.more)}\``));
  if (content.length === 0) content.push(section('(no answer)'));

  const pages: SlackBlock[][] = [[]];
  let chars = 0;
  for (const block of content) {
    const page = pages[pages.length - 1] ?? [];
    const cost = blockChars(block);
    if (page.length > 0 && (page.length + 1 > maxBlocks || chars + cost > maxChars)) {
      pages.push([block]);
      chars = cost;
    } else {
      page.push(block);
      chars += cost;
    }
  }
  // A divider is pointless at a page edge.
  for (const page of pages) {
    while (page.length > 1 && page[page.length - 1]?.type === 'divider') page.pop();
    while (page.length > 1 && page[0]?.type === 'divider') page.shift();
  }

  // What must close the answer: a notice of what was left out, then the buttons.
  let dropped = 0;
  if (pages.length > maxMessages) {
    dropped = pages.slice(maxMessages).reduce((n, p) => n + p.length, 0);
    pages.length = maxMessages;
  }
  const actions = actionsBlock(options.buttons ?? []);
  const tail = (): SlackBlock[] => {
    const notice = dropped
      ? [context(`… ${dropped} more block${dropped === 1 ? '' : 's'} not shown: the answer was too long for Slack.`)]
      : [];
    return actions ? [...notice, actions] : notice;
  };
  if (tail().length) {
    const fits = (p: SlackBlock[]) => {
      const all = [...p, ...tail()];
      return all.length <= maxBlocks && all.reduce((n, b) => n + blockChars(b), 0) <= maxChars;
    };
    const last = pages[pages.length - 1] ?? [];
    if (!fits(last) && pages.length < maxMessages) pages.push([]);
    const target = pages[pages.length - 1] ?? last;
    while (target.length > 0 && !fits(target)) {
      target.pop();
      dropped += 1;
    }
    target.push(...tail());
  }

  return pages.map((blocks, i) => ({ text: fallbackText(blocks, i + 1, pages.length), blocks }));
}
