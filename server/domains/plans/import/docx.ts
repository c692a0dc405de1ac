import { readDocxHtml, UnreadableDocumentError } from '../../../tabular/index.js';
import { PlanImportError } from './types.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function inlineText(html: string): string {
  return decode(
    html
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/p>\s*<p[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/[\t\r\n]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim(),
  );
}

/**
 * Turns mammoth's HTML into the plain-text layout the importer reads: one line per paragraph or
 * heading, tab-separated cells per table row, "- " and " - o " for list items by depth.
 */
export function htmlToPlanText(html: string): string {
  const lines: string[] = [];
  let depth = 0;
  let item: string | null = null;
  let paragraph: string | null = null;
  const flushItem = () => {
    if (item !== null && item.trim()) lines.push(`${depth > 1 ? ' - o ' : '- '}${decode(item.replace(/\s+/g, ' ').trim())}`);
    item = null;
  };
  for (const token of html.match(/<table[\s\S]*?<\/table>|<[^>]+>|[^<]+/gi) ?? []) {
    if (/^<table/i.test(token)) {
      flushItem();
      lines.push('');
      for (const row of token.match(/<tr[\s\S]*?<\/tr>/gi) ?? []) {
        const cells = (row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/gi) ?? []).map((cell) => inlineText(cell).replace(/\t/g, ' '));
        lines.push(cells.join('\t'));
      }
      lines.push('');
    } else if (/^<(ul|ol)\b/i.test(token)) {
      flushItem();
      depth += 1;
    } else if (/^<\/(ul|ol)>/i.test(token)) {
      flushItem();
      depth = Math.max(0, depth - 1);
    } else if (/^<li\b/i.test(token)) {
      flushItem();
      item = '';
    } else if (/^<\/li>/i.test(token)) {
      flushItem();
    } else if (/^<(p|h[1-6])\b/i.test(token)) {
      if (item === null) paragraph = '';
    } else if (/^<\/(p|h[1-6])>/i.test(token)) {
      if (item === null && paragraph !== null) {
        lines.push(decode(paragraph.replace(/\s+/g, ' ').trim()));
        lines.push('');
      } else if (item !== null) item += ' ';
      paragraph = null;
    } else if (/^<br/i.test(token)) {
      if (item !== null) item += ' ';
      else if (paragraph !== null) paragraph += ' ';
    } else if (!token.startsWith('<')) {
      if (item !== null) item += token;
      else if (paragraph !== null) paragraph += token;
    }
  }
  flushItem();
  return lines.join('\n');
}

/** Reads a Word document (DOCX) as text in the importer's layout: tables as tab-separated rows, headings and paragraphs as lines. */
export async function readDocxText(bytes: Uint8Array): Promise<string> {
  try {
    return htmlToPlanText(await readDocxHtml(bytes));
  } catch (error) {
    if (error instanceof UnreadableDocumentError) throw new PlanImportError('unreadableDocx');
    throw error;
  }
}
