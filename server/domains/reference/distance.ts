/**
 * Great-circle distance in km between two points, as a SQL expression over the given column or
 * parameter expressions (haversine; runs on PGlite and PostgreSQL without extensions). Null when a
 * coordinate is null. Municipality centres live in municipalities.lat/lon (migration 0038).
 */
export function haversineKmSql(lat1: string, lon1: string, lat2: string, lon2: string): string {
  return `(12742 * asin(least(1, sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)))))`;
}
