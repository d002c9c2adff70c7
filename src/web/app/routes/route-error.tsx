import { useEffect } from 'react';
import { useT } from '@/web/i18n/use-t';

/**
 * Shown when rendering a route fails, most often a page chunk that no longer exists after a
 * new release. Rendered without the layout, so it carries its own landmark and heading.
 */
export function RouteError() {
  const t = useT();
  useEffect(() => {
    document.title = `${t('error.title')} – ${t('app.name')}`;
  }, [t]);
  return (
    <main className="main" id="main">
      <div className="page">
        <h1 className="page__title">{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <p>
          <a href="/">{t('error.reload')}</a>
        </p>
      </div>
    </main>
  );
}
