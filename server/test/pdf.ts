import { inflateSync } from 'node:zlib';

/** The pages of a PDF and the text its content streams draw (pdfkit writes WinAnsi text as hex strings). */
export function inspectPdf(pdf: Buffer): { pages: number; text: string } {
  const source = pdf.toString('latin1');
  const pages = (source.match(/\/Type \/Page\b/g) ?? []).length;
  let text = '';
  const streams = /stream\r?\n/g;
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const shown of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      for (const hex of shown[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) text += Buffer.from(hex[1]!, 'hex').toString('latin1');
    }
    text += '\n';
  }
  return { pages, text };
}
