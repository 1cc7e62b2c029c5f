// HTML -> plain paragraphs: the text of block elements in document order, one paragraph per block.
import { parseHTML } from 'linkedom';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'FIGCAPTION']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'FORM', 'BUTTON']);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function squash(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Text of the blocks under `root`; inline text between blocks becomes its own paragraph. */
export function nodeParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    const t = squash(inline);
    if (t) out.push(t);
    inline = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      inline += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      inline += '\n';
      return;
    }
    const hasBlockChild = Array.from(node.childNodes).some(
      (c) => c.nodeType === 1 && (BLOCKS.has(c.nodeName.toUpperCase()) || c.nodeName.toUpperCase() === 'DIV'),
    );
    if (BLOCKS.has(name) && !hasBlockChild) {
      flush();
      inline = node.textContent ?? '';
      flush();
      return;
    }
    const isBox = BLOCKS.has(name) || ['DIV', 'SECTION', 'ARTICLE', 'UL', 'OL', 'TABLE', 'TR', 'MAIN'].includes(name);
    if (isBox) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (isBox) flush();
  };
  walk(root);
  flush();
  return out;
}

/** Paragraphs of an HTML fragment (a feed item's content) or of plain text split on blank lines. */
export function htmlToParagraphs(content: string): string[] {
  if (!/<[a-z][\s\S]*>/i.test(content)) {
    return content
      .split(/\r?\n\s*\r?\n/)
      .map(squash)
      .filter(Boolean);
  }
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${content}</body></html>`);
  return nodeParagraphs(document.body as unknown as DomNode);
}

/** An HTML fragment as one line of text (titles, author names). */
export function htmlToLine(content: string): string {
  if (!/[<&]/.test(content)) return squash(content);
  const { document } = parseHTML(`<!doctype html><html><head></head><body><p>${content}</p></body></html>`);
  return squash(document.body.textContent ?? '');
}
