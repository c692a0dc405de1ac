import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

interface PageProps {
  title: string;
  /** The region's name, added to the document title of pages inside a region. */
  regionName?: string;
  /** Short text right under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/** A page's heading and document title; after client-side navigation it moves focus to the heading. */
export function Page({ title, regionName, lead, children }: PageProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = regionName ? t('app.pageTitleInRegion', { page: title, region: regionName }) : t('app.pageTitle', { page: title });
  }, [t, title, regionName]);

  useEffect(() => {
    // On the first page of a visit the browser starts at the top (skip link first). After a
    // client-side navigation screen readers would otherwise stay on the link that was followed.
    if (key !== 'default') headingRef.current?.focus();
  }, [key]);

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      {lead ? <div className="lead">{lead}</div> : null}
      {children}
    </>
  );
}
