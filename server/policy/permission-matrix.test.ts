import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPermissionMatrix } from './permission-matrix.js';

const DOC = join(import.meta.dirname, '../../docs/permissions.md');

describe('docs/permissions.md', () => {
  it('is the matrix of the policy table', () => {
    if (process.env.UPDATE_PERMISSIONS_DOC) writeFileSync(DOC, renderPermissionMatrix());
    const matrix = renderPermissionMatrix();
    expect(matrix).toContain('| `actor.update` |');
    expect(readFileSync(DOC, 'utf8')).toBe(matrix);
  });
});
