import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../common/schemas/regions.js';
import { regionPath } from '../../modules';
import { useApi } from '../../use-api';
import './network.css';

/** Paths of the network pages of a region. */
export const networkPaths = {
  list: (slug: string) => regionPath(slug, 'netwerk'),
  actor: (slug: string, id: string) => `${regionPath(slug, 'netwerk')}/actoren/${encodeURIComponent(id)}`,
  edit: (slug: string, id: string) => `${regionPath(slug, 'netwerk')}/actoren/${encodeURIComponent(id)}/bewerken`,
  create: (slug: string) => `${regionPath(slug, 'netwerk')}/nieuw`,
  bubbles: (slug: string) => `${regionPath(slug, 'netwerk')}/bollenschema`,
  graph: (slug: string) => `${regionPath(slug, 'netwerk')}/grafiek`,
  coverage: (slug: string) => `${regionPath(slug, 'netwerk')}/dekking`,
  import: (slug: string) => `${regionPath(slug, 'netwerk')}/importeren`,
};

/** The sector taxonomy (reference data). */
export function useSectors(): Sector[] {
  return useApi('/api/sectors').data ?? [];
}

// Sector colours: distinguishable, and dark enough for white labels (contrast ≥ 4.5:1).
const PALETTE = ['#1f5f8b', '#8a3b12', '#2e6b34', '#6b3fa0', '#a0204b', '#005f5f', '#7a5c00', '#3d4f9f', '#8c2d8c', '#4a6b1f', '#9c4221'];

/** A stable colour per sector key (by its position in the taxonomy). */
export function sectorColor(sectors: { key: string }[], key: string | null): string {
  const index = key ? sectors.findIndex((sector) => sector.key === key) : -1;
  return index < 0 ? '#555555' : PALETTE[index % PALETTE.length]!;
}

/** Links between the network views, shown on each network page. */
export function NetworkNav({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const links = [
    { to: networkPaths.list(slug), label: t('network.ui.actors'), end: true },
    { to: networkPaths.bubbles(slug), label: t('network.bubbles.title') },
    { to: networkPaths.graph(slug), label: t('network.graph.title') },
    { to: networkPaths.coverage(slug), label: t('network.coverageUi.title') },
    ...(isAdmin ? [{ to: networkPaths.import(slug), label: t('network.ui.import') }] : []),
  ];
  return (
    <nav aria-label={t('network.ui.views')} className="network-nav">
      <ul className="button-row plain-list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="button button--small">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
