import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { CatalogCoverage } from '../../../../common/schemas/catalog.js';

/**
 * The coverage per municipality on a map without tiles (as the public catalog's map): a circle per town
 * centre, larger with more current offers, red and dashed where there are none. The table beside it
 * holds the same numbers for keyboard and screen reader users.
 */
export function CoverageMap({ municipalities }: { municipalities: CatalogCoverage['municipalities'] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { zoomControl: true, attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25, zoomAnimation: false });
    const most = Math.max(1, ...municipalities.map((row) => row.current));
    const points: L.LatLngExpression[] = [];
    for (const row of municipalities) {
      if (row.latitude === null || row.longitude === null) continue;
      const centre: L.LatLngExpression = [row.latitude, row.longitude];
      points.push(centre);
      // Area in proportion to the number of offers; a gap keeps a small circle so it stays visible.
      const radius = row.gap ? 1200 : 1200 + 2800 * Math.sqrt(row.current / most);
      L.circle(centre, {
        radius,
        color: row.gap ? '#b91c1c' : '#1d4ed8',
        weight: 2,
        dashArray: row.gap ? '4 4' : undefined,
        fillColor: row.gap ? '#fecaca' : '#93c5fd',
        fillOpacity: 0.55,
        interactive: false,
        className: row.gap ? 'coverage-map__gap' : 'coverage-map__area',
      })
        // Eighteen names would cover each other: a circle shows its count, a gap its name too.
        .bindTooltip(row.gap ? t('catalog.coverageUi.mapPlace', { name: row.name, count: row.current }) : String(row.current), {
          permanent: true,
          direction: 'center',
          className: row.gap ? 'coverage-map__place coverage-map__place--gap' : 'coverage-map__place',
        })
        .addTo(map);
    }
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12, animate: false });
    else map.setView([50.95, 2.85], 10);
    // The container can get its size after the map was made (lazy chunk, phone layout): fit again then.
    const resize = new ResizeObserver(() => {
      map.invalidateSize();
      if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 12, animate: false });
    });
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      map.remove();
    };
  }, [municipalities, t]);

  return (
    <figure className="coverage-map">
      <div ref={element} className="coverage-map__canvas" role="region" aria-label={t('catalog.coverageUi.mapLabel')} />
      <figcaption className="hint">{t('catalog.coverageUi.mapCaption')}</figcaption>
    </figure>
  );
}
