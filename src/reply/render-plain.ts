// Plain-text renderer for the console and the CLI: readable in a terminal, nothing platform-specific.
import { type Block, citationLabel, type Reply } from './model.js';

/** Wraps verbatim words in quotation marks, unless the words already open or close with one. */
export function quoted(text: string): string {
  return /^["“‘'«]|["”’'»]$/.test(text) ? text : `“${text}”`;
}

function renderBlock(b: Block): string {
  switch (b.type) {
    case 'heading':
      return `\n${b.text}\n${'─'.repeat(Math.min(60, Math.max(8, b.text.length)))}`;
    case 'text':
      return b.text;
    case 'bullet':
      return `• ${b.text}${b.citation ? ` [${citationLabel(b.citation)}]` : ''}`;
    case 'quote': {
      const who = [b.speaker, b.role].filter(Boolean).join(', ');
      const where = b.citation ? ` (${citationLabel(b.citation)})` : '';
      return `  ${quoted(b.text)}\n      — ${who}${where}`;
    }
    case 'divider':
      return '';
    case 'context':
      return `  ${b.text}`;
  }
}

export function renderPlain(reply: Reply): string {
  const lines = reply.blocks.map(renderBlock);
  if (reply.more) lines.push(`More: ${reply.more}`);
  return `${lines.join('\n').replace(/^\n+/, '')}\n`;
}
