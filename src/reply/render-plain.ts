// Plain-text renderer for the console and the CLI: readable in a terminal, nothing platform-specific.
import { type Block, citationLabel, quoteWords, type Reply } from './model.js';

/** Verbatim words in quotation marks (any double marks around them in the source dropped first). */
export function quoted(text: string): string {
  return `“${quoteWords(text)}”`;
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

/** C0 controls but newline and tab, DEL and C1 controls (CSI among them): what moves a terminal's cursor or sets colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Article text and user input made inert for a terminal: line breaks become newlines, and every other
 * control character is shown as its visible symbol (ESC as ␛, DEL as ␡, C1 controls as �), so an
 * escape sequence in an article cannot clear the screen, recolour it or overwrite a line.
 */
export function inertForTerminal(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(TERMINAL_CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

export function renderPlain(reply: Reply): string {
  const lines = reply.blocks.map(renderBlock);
  if (reply.more) lines.push(`More: ${reply.more}`);
  return `${inertForTerminal(lines.join('\n')).replace(/^\n+/, '')}\n`;
}
