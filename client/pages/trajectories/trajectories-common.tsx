import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RoleName } from '../../../common/schemas/regions.js';
import { ModuleNav } from '../../components/module-nav';
import { regionPath } from '../../modules';
import './trajectories.css';

export const TRAJECTORIES_SEGMENT = 'trajecten';

/** The module's views a role may open: each role sees only its own part of the trajectories. */
export function TrajectoriesNav({ slug, role }: { slug: string; role: RoleName | null }) {
  const { t } = useTranslation();
  const base = regionPath(slug, TRAJECTORIES_SEGMENT);
  const links = [
    ...(role === 'coach' || role === 'admin' ? [{ to: base, label: t('trajectories.nav.participants'), end: true }] : []),
    ...(role === 'trajectbegeleider' ? [{ to: base, label: t('trajectories.nav.referrals'), end: true }] : []),
    ...(role === 'trajectbegeleider' || role === 'coach' ? [{ to: `${base}/verwijzen`, label: t('trajectories.nav.refer') }] : []),
    ...(role === 'editor' ? [{ to: `${base}/plaatsen`, label: t('trajectories.nav.inbox') }] : []),
    ...(role === 'admin' || role === 'steering' ? [{ to: `${base}/cijfers`, label: t('trajectories.nav.monitoring') }] : []),
    // The buddy network (client/pages/buddies): coaches pair, coordinators (editors) keep their pool.
    ...(role === 'coach' || role === 'admin' || role === 'editor' ? [{ to: `${base}/buddies`, label: t('trajectories.nav.buddies') }] : []),
  ];
  if (!links.length) return null;
  return <ModuleNav label={t('trajectories.nav.label')} className="traject-nav" links={links} />;
}

/** A language's name in the interface language, or its code when the catalog does not know it. */
export function languageName(t: TFunction, code: string): string {
  return t(`trajectories.languages.${code}`, { defaultValue: code });
}

/** Hours as "12,5" (nl-BE). */
export function formatHours(hours: number): string {
  return hours.toLocaleString('nl-BE', { maximumFractionDigits: 1 });
}
