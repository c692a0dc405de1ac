import type { RawSql } from '../../db/client.js';
import type { BrokeringActorRef } from '../../../common/schemas/brokering.js';

/** An actor as the brokering flow shows it, plus what bovenlokaal / grensverleggend are computed from. */
export interface ActorRefRow extends BrokeringActorRef {
  municipalityNis: string | null;
  primarySector: string | null;
}

interface Row {
  id: string;
  name: string;
  municipality_nis: string | null;
  municipality_name: string | null;
  sectors: { key: string; name: string; cultural: boolean }[] | null;
}

const REF_SQL = `
  SELECT a.id, a.name, a.municipality_nis, m.name AS municipality_name,
         (SELECT json_agg(json_build_object('key', s.key, 'name', s.name, 'cultural', s.cultural) ORDER BY x.position)
            FROM actor_sectors x JOIN sectors s ON s.key = x.sector_key WHERE x.actor_id = a.id) AS sectors
    FROM actors a LEFT JOIN municipalities m ON m.nis_code = a.municipality_nis`;

function toRef(row: Row): ActorRefRow {
  const sectors = row.sectors ?? [];
  return {
    id: row.id,
    name: row.name,
    municipality: row.municipality_nis ? { nisCode: row.municipality_nis, name: row.municipality_name ?? row.municipality_nis } : null,
    sectors,
    municipalityNis: row.municipality_nis,
    primarySector: sectors[0]?.key ?? null,
  };
}

/** The region's actors with these ids, by id (ids of other regions are left out). */
export async function actorRefs(raw: RawSql, regionId: string, ids: readonly string[]): Promise<Map<string, ActorRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await raw.query<Row>(`${REF_SQL} WHERE a.region_id = $1 AND a.id = ANY($2::uuid[])`, [regionId, [...new Set(ids)]]);
  return new Map(rows.map((row) => [row.id, toRef(row)]));
}

/** Every actor of the region (for the inspiration list), ordered by name. */
export async function allActorRefs(raw: RawSql, regionId: string, membersView: boolean): Promise<ActorRefRow[]> {
  const rows = await raw.query<Row>(`${REF_SQL} WHERE a.region_id = $1 ${membersView ? '' : 'AND a.is_public'} ORDER BY a.name`, [regionId]);
  return rows.map(toRef);
}

/** Strips the computation fields before an actor reference leaves the server. */
export function publicRef(ref: ActorRefRow): BrokeringActorRef {
  return { id: ref.id, name: ref.name, municipality: ref.municipality, sectors: ref.sectors };
}
