import { useTranslation } from 'react-i18next';
import { regionPath } from '../../../modules';
import { ModuleNav } from '../../../components/module-nav';
import type { RoleName } from '../../../../common/schemas/regions.js';
import './catalog-admin.css';

const base = (slug: string) => `${regionPath(slug, 'aanbod')}/beheer`;

/** Paths of the catalog's back-office pages (under /r/<slug>/aanbod/beheer). */
export const catalogAdminPaths = {
  list: (slug: string) => base(slug),
  create: (slug: string) => `${base(slug)}/nieuw`,
  offer: (slug: string, offerId: string) => `${base(slug)}/${encodeURIComponent(offerId)}`,
  import: (slug: string) => `${base(slug)}/importeren`,
  coverage: (slug: string) => `${base(slug)}/dekking`,
  settings: (slug: string) => `${base(slug)}/uitdatabank`,
  publicCatalog: (slug: string) => regionPath(slug, 'aanbod'),
};

/** Who may add offers: the regisseur for the region, a partner (editor) for their own organisation. */
export function mayEditOffers(role: RoleName | null): boolean {
  return role === 'admin' || role === 'editor';
}

/** Links between the back-office views; import and the UiTdatabank link only for the regisseur. */
export function CatalogAdminNav({ slug, role }: { slug: string; role: RoleName | null }) {
  const { t } = useTranslation();
  const links = [
    { to: catalogAdminPaths.list(slug), label: t('catalog.admin.nav.offers'), end: true },
    ...(mayEditOffers(role) ? [{ to: catalogAdminPaths.create(slug), label: t('catalog.admin.nav.new') }] : []),
    { to: catalogAdminPaths.coverage(slug), label: t('catalog.admin.nav.coverage') },
    ...(role === 'admin'
      ? [
          { to: catalogAdminPaths.import(slug), label: t('catalog.admin.nav.import') },
          { to: catalogAdminPaths.settings(slug), label: t('catalog.admin.nav.settings') },
        ]
      : []),
    { to: catalogAdminPaths.publicCatalog(slug), label: t('catalog.admin.publicLink') },
  ];
  return <ModuleNav label={t('catalog.admin.title')} className="catalog-admin-nav" links={links} />;
}
