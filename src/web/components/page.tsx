import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useT } from '@/web/i18n/use-t';

interface PageProps {
  title: string;
  /** Short text under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * One page's h1 and document title. After a client-side navigation focus moves to the h1,
 * so keyboard and screen-reader users start at the new page rather than on the old link.
 */
export function Page({ title, lead, children }: PageProps) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key, pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    // 'default' is the first page of the visit: leave focus where the browser puts it.
    if (key !== 'default') heading.current?.focus();
    // Only a new path moves focus (not `key`): filters that change the query string must not.
  }, [pathname]);

  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1} className="page__title">
        {title}
      </h1>
      {lead ? <p className="page__lead">{lead}</p> : null}
      {children}
    </div>
  );
}

/**
 * A titled part of a page. Deliberately not a named region: named sections would add landmarks
 * that repeat the headings, and their names would collide with field labels ("Role and Members").
 */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="section">
      <h2 className="section__title">{title}</h2>
      {children}
    </section>
  );
}
