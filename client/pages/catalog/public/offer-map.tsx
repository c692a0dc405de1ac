import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PublicCatalogInfo, PublicOfferSummary } from '../../../../common/schemas/catalog-public.js';

interface OfferMapProps {
  slug: string;
  municipalities: PublicCatalogInfo['municipalities'];
  offers: PublicOfferSummary[];
}

/**
 * The offers and the region's municipalities on a Leaflet map, drawn without a tile server (tiles may be
 * unreachable, and a tile server would receive the reader's whereabouts): grey circles for the town
 * centres with their names, blue dots for the offers. The list under the map holds the same offers for
 * keyboard and screen reader users.
 */
export function OfferMap({ slug, municipalities, offers }: OfferMapProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!element.current) return;
    const map = L.map(element.current, { zoomControl: true, attributionControl: false, scrollWheelZoom: false, zoomSnap: 0.25 });
    const points: L.LatLngExpression[] = [];
    for (const municipality of municipalities) {
      if (municipality.latitude === null || municipality.longitude === null) continue;
      const centre: L.LatLngExpression = [municipality.latitude, municipality.longitude];
      points.push(centre);
      L.circle(centre, { radius: 3000, color: '#6b7280', weight: 1, fillColor: '#d1d5db', fillOpacity: 0.5, interactive: false })
        .bindTooltip(municipality.name, { permanent: true, direction: 'center', className: 'offer-map__place' })
        .addTo(map);
    }
    for (const offer of offers) {
      if (offer.latitude === null || offer.longitude === null) continue;
      const point: L.LatLngExpression = [offer.latitude, offer.longitude];
      points.push(point);
      L.circleMarker(point, { radius: 9, color: '#fff', weight: 2, fillColor: '#1d4ed8', fillOpacity: 0.9 })
        .bindTooltip(offer.title)
        .on('click', () => void navigate(`/r/${slug}/aanbod/${offer.id}`))
        .addTo(map);
    }
    if (points.length > 0) map.fitBounds(L.latLngBounds(points), { padding: [16, 16], maxZoom: 13 });
    else map.setView([50.95, 2.85], 10);
    return () => {
      map.remove();
    };
  }, [municipalities, offers, navigate, slug]);

  return (
    <figure className="offer-map">
      <div ref={element} className="offer-map__canvas" role="region" aria-label={t('catalogPublic.mapLabel')} />
      <figcaption className="hint">{t('catalogPublic.mapNoTiles')}</figcaption>
    </figure>
  );
}
