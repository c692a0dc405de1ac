import { useTranslation } from 'react-i18next';
import type { Sector } from '../../../common/schemas/regions.js';
import { regionPath } from '../../modules';
import { useApi } from '../../use-api';
import './network.css';
import { ModuleNav } from '../../components/module-nav';

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
  return <ModuleNav label={t('network.ui.views')} className="network-nav" links={links} />;
}
