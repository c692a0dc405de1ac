import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { regionPath } from '../../modules';
import './cooperative.css';

/** The cooperative module's sub-navigation (surveys and voting rounds are the participation pages). */
export function CooperativeNav({ slug, isAdmin }: { slug: string; isAdmin: boolean }) {
  const { t } = useTranslation();
  const base = regionPath(slug, 'cooperatie');
  const links = [
    { to: base, label: t('cooperative.nav.overview'), end: true },
    { to: `${base}/cofinanciering`, label: t('cooperative.nav.financing') },
    { to: `${base}/vergaderingen`, label: t('cooperative.nav.meetings') },
    { to: `${base}/bevragingen`, label: t('cooperative.nav.surveys') },
    { to: `${base}/stemrondes`, label: t('cooperative.nav.polls') },
    { to: `${base}/nieuwsbrief`, label: t('cooperative.nav.newsletter') },
    { to: `${base}/instellingen`, label: t('cooperative.nav.settings') },
    ...(isAdmin ? [{ to: `${base}/mails`, label: t('cooperative.nav.outbox') }] : []),
  ];
  return (
    <nav className="coop-nav" aria-label={t('cooperative.title')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
