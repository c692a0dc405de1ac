/** Splits text on a separator pattern, but never inside parentheses. */
export function splitOutsideParentheses(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0) {
      separator.lastIndex = 0;
      const match = separator.exec(text.slice(index));
      if (match && match.index === 0 && match[0].length > 0) {
        parts.push(current);
        current = '';
        index += match[0].length;
        continue;
      }
    }
    current += char;
    index += 1;
  }
  parts.push(current);
  return parts;
}

const MAX_NAME_WORDS = 7;

/**
 * Splits a partners cell into names ("A, B en C" → three names; commas, semicolons, line breaks
 * and " en " outside parentheses separate). Text that reads as a sentence rather than a name
 * ("We stappen in in het platform…") is returned as a note, not as a partner.
 */
export function splitPartners(cell: string): { names: string[]; notes: string[] } {
  const text = cell
    .replace(/\s*\n\s*/g, '; ')
    .replace(/^\s*(i\.s\.m\.|ism|in samenwerking met)\s+/i, '')
    .trim();
  if (!text) return { names: [], notes: [] };
  const names: string[] = [];
  const notes: string[] = [];
  // A full stop followed by a capital starts a new sentence: everything after it is a remark.
  const sentences = text.split(/\.\s+(?=\p{Lu})/u);
  sentences.forEach((sentence, position) => {
    if (position > 0) {
      notes.push(sentence.trim());
      return;
    }
    // A cell that lists its names with ";" (or line breaks) uses only that as separator.
    const separator = /;/.test(sentence) ? /^\s*;\s*/ : /^(?:\s*[,;]\s*|\s+en\s+|\s+&\s+)/;
    for (const raw of splitOutsideParentheses(sentence, separator)) {
      const name = raw.replace(/^[\s\-–•·o]+(?=\S)/, '').replace(/[\s.,;:]+$/, '').trim();
      if (!name || name === '...' || name === '…') continue;
      if (name.split(/\s+/).length > MAX_NAME_WORDS) notes.push(name);
      else names.push(name);
    }
  });
  // The same partner twice in one cell is one partner.
  const seen = new Set<string>();
  return {
    names: names.filter((name) => {
      const key = name.toLocaleLowerCase('nl-BE');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    notes,
  };
}

/** Normalises a name for matching partners to actors: case, accents, punctuation and spacing ignored. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl-BE')
    .replace(/^(vzw|stad|gemeente)\s+/, '')
    .replace(/\s+vzw$/, '')
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
}
