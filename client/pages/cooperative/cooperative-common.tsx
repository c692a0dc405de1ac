import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { regionPath } from '../../modules';
import { useSession } from '../../session';
import './cooperative.css';

/**
 * The cooperative module's sub-navigation (surveys and voting rounds are the participation pages). Someone
 * who is not a member of the region (a visitor reading the public newsletter) sees only the public archive.
 */
export function CooperativeNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { roleIn } = useSession();
  const role = roleIn(slug);
  const isAdmin = role === 'admin';
  const base = regionPath(slug, 'cooperatie');
  const memberLinks = [
    { to: base, label: t('cooperative.nav.overview'), end: true },
    { to: `${base}/cofinanciering`, label: t('cooperative.nav.financing') },
    { to: `${base}/vergaderingen`, label: t('cooperative.nav.meetings') },
    { to: `${base}/bevragingen`, label: t('cooperative.nav.surveys') },
    { to: `${base}/stemrondes`, label: t('cooperative.nav.polls') },
    { to: `${base}/nieuwsbrief`, label: t('cooperative.nav.newsletter') },
    { to: `${base}/instellingen`, label: t('cooperative.nav.settings') },
    ...(isAdmin ? [{ to: `${base}/mails`, label: t('cooperative.nav.outbox') }] : []),
  ];
  const links = role ? memberLinks : [{ to: `${base}/nieuwsbrief`, label: t('cooperative.nav.newsletter'), end: false }];
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
