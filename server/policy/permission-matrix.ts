import { PERMISSIONS, type PermissionRule } from './permissions.js';

const COLUMNS = ['anoniem', 'aangemeld', 'viewer', 'steering', 'editor', 'admin', 'coach', 'trajectbegeleider'] as const;

function cell(rule: PermissionRule, column: (typeof COLUMNS)[number]): string {
  if (rule.everyone) return '✓';
  if (column === 'anoniem') return '–';
  if (rule.signedIn) return '✓';
  if (column === 'aangemeld') return '–';
  if (rule.roles?.includes(column)) return '✓';
  return rule.ownRoles?.includes(column) ? 'eigen' : '–';
}

/** The permission matrix as Markdown, generated from the policy table (docs/permissions.md). */
export function renderPermissionMatrix(): string {
  const rows = Object.entries(PERMISSIONS).map(([action, rule]) => `| \`${action}\` | ${rule.description} | ${COLUMNS.map((column) => cell(rule, column)).join(' | ')} |`);
  return [
    '# Rechtenmatrix',
    '',
    'Gegenereerd uit `server/policy/permissions.ts` (niet met de hand bewerken: `UPDATE_PERMISSIONS_DOC=1 npx vitest run server/policy/permission-matrix.test.ts`).',
    '`aangemeld` = aangemeld zonder rol in de regio (ook lid van een andere regio); `eigen` = enkel voor de eigen organisatie.',
    '',
    `| Actie | Omschrijving | ${COLUMNS.join(' | ')} |`,
    `|---|---|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows,
    '',
  ].join('\n');
}
