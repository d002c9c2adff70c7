import { Link } from 'react-router';
import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';

export function NotFoundRoute() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
