import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../regions';
import { useSession } from '../session';
import { switchRegionPath } from '../modules';

/**
 * Region switcher as a disclosure of links rather than a <select> that navigates on change
 * (WCAG 3.2.2: choosing an option must not move the user to another page unannounced).
 */
export function RegionSwitcher() {
  const { t } = useTranslation();
  const location = useLocation();
  const match = useMatch('/r/:slug/*');
  const currentSlug = match?.params.slug;
  const currentSegment = match?.params['*']?.split('/')[0] || undefined;
  const { data: regions } = useRegions();
  const { user, roleIn } = useSession();
  // Open for one location only: following a link closes the list without an effect.
  const [openAt, setOpenAt] = useState<string | null>(null);
  const open = openAt === location.key;
  const containerRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) setOpenAt(null);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open]);

  const memberSlugs = new Set(user?.memberships.map((membership) => membership.regionSlug) ?? []);
  const listed = (regions ?? []).filter(
    (region) => memberSlugs.size === 0 || memberSlugs.has(region.slug) || region.slug === currentSlug,
  );
  const current = regions?.find((region) => region.slug === currentSlug);

  return (
    <nav
      ref={containerRef}
      className="region-switcher"
      aria-label={t('nav.regionSwitcher')}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpenAt(null);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpenAt(null);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="region-switcher__button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenAt(open ? null : location.key)}
      >
        <span className="region-switcher__label">{t('nav.regionSwitcher')}:</span>{' '}
        <span className="region-switcher__current">{current?.name ?? t('nav.chooseRegion')}</span>
        <span className="region-switcher__chevron" aria-hidden="true" />
      </button>
      <ul id={listId} className="region-switcher__list" hidden={!open}>
        {listed.map((region) => (
          <li key={region.slug}>
            <Link
              to={switchRegionPath(region.slug, currentSegment, roleIn(region.slug) === 'admin')}
              aria-current={region.slug === currentSlug ? 'true' : undefined}
            >
              {region.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
