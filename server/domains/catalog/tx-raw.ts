import { sql, type SQL } from 'drizzle-orm';
import type { Db, RawSql } from '../../db/client.js';

type Executor = Pick<Db, 'execute'>;

/**
 * RawSql over a Drizzle transaction, so the search index and set-based SQL are written in the same
 * transaction as the offer ($1 … placeholders become Drizzle parameters).
 */
export function rawOver(tx: Executor): RawSql {
  const build = (text: string, params: unknown[]): SQL => {
    const pieces = text.split(/\$(\d+)/);
    const chunks: SQL[] = [];
    pieces.forEach((piece, index) => {
      if (index % 2 === 0) chunks.push(sql.raw(piece));
      else chunks.push(sql`${params[Number(piece) - 1]}`);
    });
    return sql.join(chunks, sql.raw(''));
  };
  return {
    exec: async (text) => {
      await tx.execute(sql.raw(text));
    },
    query: async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => {
      const result = (await tx.execute(build(text, params))) as unknown as { rows: T[] };
      return result.rows;
    },
  };
}
