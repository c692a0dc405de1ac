import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readPlanFile } from './index.js';
import { htmlToPlanText } from './docx.js';
import { allActions, summarize } from './types.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
const table = (rows: string[][]) => `<w:tbl>${rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A minimal Word document (what Word writes, stripped to the parts mammoth needs). */
async function docx(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('Word documents (DOCX)', () => {
  it('reads an action table under SD/OD header rows, like a Word version of the CO7 plan', async () => {
    const bytes = await docx(
      paragraph('Actieplan proefregio 2022') +
        table([
          ['Nr.', 'Actie', 'Timing', 'Budget', 'Partners'],
          ['SD1 Een breder netwerk', '', '', '', ''],
          ['OD1.1 Overleg', '', '', '', ''],
          ['1', 'Netwerkmoment', 'Najaar 2022', '2.500 euro organisatie', 'Bibliotheek, Cultuurdienst'],
          ['2', 'Nieuwsbrief', 'doorlopend', '1.250 euro', ''],
        ]),
    );
    const plan = await readPlanFile({ bytes, filename: 'plan.docx' });
    expect(summarize(plan)).toMatchObject({ goals: 1, objectives: 1, actions: 2, budgetTotalCents: 375_000, partners: 2 });
    expect(plan.title).toBe('Actieplan proefregio 2022');
    expect(allActions(plan)[0]!.timing).toMatchObject({ kind: 'season', start: '2022-09-01' });
  });

  it('reads a headed plan document with milestones', async () => {
    const bytes = await docx(
      [
        'Dynamisch actieplan proefregio 2025-2026',
        'Actie 1: Taalcafé in elke gemeente',
        'Type actie: labo',
        'Wat: Wekelijkse ontmoetingen om Nederlands te oefenen.',
        'Waarom: Er zijn te weinig oefenkansen.',
        'Hoe: Met vrijwilligers en de bibliotheken.',
        'Mijlpalen',
        '1. Vrijwilligers zoeken (01/01/2025 – 31/03/2025)',
        '2. Start in drie gemeenten (01/04/2025 – 30/06/2025)',
      ]
        .map(paragraph)
        .join(''),
    );
    const plan = await readPlanFile({ bytes, filename: 'actieplan.docx' });
    expect(plan.format).toBe('document');
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ type: 'labo', title: 'Taalcafé in elke gemeente' });
    expect(plan.actions[0]!.milestones.map((m) => [m.start, m.end])).toEqual([
      ['2025-01-01', '2025-03-31'],
      ['2025-04-01', '2025-06-30'],
    ]);
  });

  it('lays out lists and tables as the text importer expects', () => {
    expect(htmlToPlanText('<p>Partners</p><ul><li>Mogelijke partners<ul><li>Argos</li><li>SAAMO &amp; co</li></ul></li></ul><table><tr><td><p>a</p></td><td>b</td></tr></table>')).toBe(
      ['Partners', '', '- Mogelijke partners', ' - o Argos', ' - o SAAMO & co', '', 'a\tb', ''].join('\n'),
    );
  });
});
