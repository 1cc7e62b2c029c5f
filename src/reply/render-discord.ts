// Discord renderer: a Reply as plain JSON message payloads (embeds) that always fit Discord's limits.
import { type Block, type Citation, citationLabel, type Reply } from './model.js';

/** Discord's documented limits on one message, in characters (JS string length, which never undercounts). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embeds: 10,
  /** Sum of every embed's title, description, field names and values, footer and author name. */
  embedTotal: 6000,
} as const;

/** The message flag that makes an interaction response visible to its invoker only. */
export const EPHEMERAL_FLAG = 64;

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
}

/** What Discord's create-message, interaction-response and webhook endpoints take (the parts we use). */
export interface DiscordMessage {
  content?: string;
  embeds?: DiscordEmbed[];
  /** Always `{ parse: [] }`: nothing in a reply may ping anyone. */
  allowed_mentions: { parse: [] };
}

const COLOR = 0x2b6cb0;
const ERROR_COLOR = 0xc53030;
const ELLIPSIS = '…';

/** Cuts text to at most `max` characters, ending with a visible "…" when anything was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - ELLIPSIS.length);
  // Never leave half of a surrogate pair behind.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** Defuses @everyone, @here, <@id>/<@&id> and <#channel> so text cannot ping or link even if allowed_mentions were lost. */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<@/g, '<@\u200b')
    .replace(/<#/g, '<#\u200b');
}

/** Escapes Discord markdown in text we did not write (articles, user input), then defuses mentions. */
export function escapeDiscord(text: string): string {
  const escaped = text.replace(/([\\*_~`|[\]])/g, '\\$1').replace(/^(\s*)([>#-])/gm, '$1\\$2');
  return neutraliseMentions(escaped);
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/\S+$/i.test(url)) return undefined;
  return url.replace(/\)/g, '%29').replace(/\(/g, '%28');
}

function citation(c: Citation | undefined): string {
  if (!c) return '';
  const label = escapeDiscord(citationLabel(c));
  const url = safeUrl(c.url);
  return url ? `[${label}](<${url}>)` : `*${label}*`;
}

/** One block as lines of embed markdown; an empty string is a paragraph break. */
function blockLines(b: Exclude<Block, { type: 'heading' }>): string[] {
  switch (b.type) {
    case 'text':
      return escapeDiscord(b.text).split('\n');
    case 'bullet': {
      const cite = citation(b.citation);
      return [`• ${escapeDiscord(b.text)}${cite ? ` — ${cite}` : ''}`];
    }
    case 'quote': {
      const who = [b.speaker, b.role]
        .filter(Boolean)
        .map((s) => escapeDiscord(s ?? ''))
        .join(', ');
      const cite = citation(b.citation);
      const words = escapeDiscord(`“${b.text}”`)
        .split('\n')
        .map((l) => `> ${l}`);
      return [...words, `> — **${who}**${cite ? ` · ${cite}` : ''}`];
    }
    case 'context':
      return [`*${escapeDiscord(b.text)}*`];
    case 'divider':
      return [''];
  }
}

interface Section {
  title?: string;
  lines: string[];
}

/** Groups blocks under their headings: each heading starts an embed. */
function sections(blocks: readonly Block[]): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  for (const b of blocks) {
    if (b.type === 'heading') {
      current = { title: clip(neutraliseMentions(b.text), DISCORD_LIMITS.title), lines: [] };
      out.push(current);
      continue;
    }
    if (!current) {
      current = { lines: [] };
      out.push(current);
    }
    // A loop, not push(...): a text of 100,000+ lines would overflow the call stack as spread arguments.
    for (const line of blockLines(b)) current.lines.push(line);
  }
  return out;
}

/** Joins lines into descriptions of at most `max` characters, breaking only between lines. */
function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = clip(raw, max);
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length <= max) {
      current = next;
      continue;
    }
    chunks.push(current);
    current = line;
  }
  chunks.push(current);
  // Blank lines left at a chunk's edge by dividers carry no meaning there.
  return chunks.map((c) => c.replace(/^\n+|\n+$/g, '')).filter((c) => c.length > 0);
}

/** The characters of an embed that count toward the 6000 per message. */
export function embedLength(e: DiscordEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0);
  n += (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

function toEmbeds(reply: Reply): DiscordEmbed[] {
  const color = reply.error ? ERROR_COLOR : COLOR;
  const embeds: DiscordEmbed[] = [];
  for (const s of sections(reply.blocks)) {
    const parts = chunkLines(s.lines, DISCORD_LIMITS.description);
    if (parts.length === 0 && s.title) embeds.push({ title: s.title, color });
    parts.forEach((description, i) => {
      const embed: DiscordEmbed = { description, color };
      if (i === 0 && s.title) embed.title = s.title;
      embeds.push(embed);
    });
  }
  if (reply.more) {
    const text = clip(neutraliseMentions(`More: ${reply.more}`), DISCORD_LIMITS.footer);
    const last = embeds.at(-1);
    // A full embed (4096 description + 256 title) plus a long footer would pass the 6000 a message allows.
    if (last && embedLength(last) + text.length <= DISCORD_LIMITS.embedTotal) last.footer = { text };
    else embeds.push({ color, footer: { text } });
  }
  return embeds;
}

/** Packs embeds into messages of at most 10 embeds and 6000 characters each. */
function packEmbeds(embeds: readonly DiscordEmbed[]): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordEmbed[] = [];
  let total = 0;
  for (const e of embeds) {
    const n = embedLength(e);
    if (current.length > 0 && (current.length === DISCORD_LIMITS.embeds || total + n > DISCORD_LIMITS.embedTotal)) {
      messages.push({ embeds: current, allowed_mentions: { parse: [] } });
      current = [];
      total = 0;
    }
    current.push(e);
    total += n;
  }
  if (current.length > 0) messages.push({ embeds: current, allowed_mentions: { parse: [] } });
  return messages;
}

/** A short notice (one line of text, no heading) reads best as plain message content. */
function isNotice(reply: Reply): boolean {
  return reply.blocks.length === 1 && reply.blocks[0]?.type === 'text' && !reply.more;
}

/**
 * Renders a reply as one or more Discord messages: the first answers, the rest are follow-ups.
 * Every message fits Discord's limits and sets `allowed_mentions: { parse: [] }`.
 */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  if (isNotice(reply)) {
    const lines = reply.blocks.flatMap((b) => (b.type === 'text' ? escapeDiscord(b.text).split('\n') : []));
    const notices: DiscordMessage[] = chunkLines(lines, DISCORD_LIMITS.content)
      .filter((content) => content.trim().length > 0)
      .map((content) => ({ content, allowed_mentions: { parse: [] } }));
    if (notices.length > 0) return notices;
  }
  const messages = isNotice(reply) ? [] : packEmbeds(toEmbeds(reply));
  // Discord refuses an empty message: an answer with nothing in it still says so.
  return messages.length > 0 ? messages : [{ content: '(nothing to show)', allowed_mentions: { parse: [] } }];
}
