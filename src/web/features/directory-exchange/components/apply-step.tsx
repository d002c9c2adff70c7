import { useId } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { useLocale, useT } from '@/web/i18n/use-t';
import type { DirectoryImport } from '../api';
import { CountList, ProblemTable, SubSection } from './results';

/** Step 4: the import runs in the background; this follows it (the page asks every second) until it is done or failed. */
export function ApplyStep({ imp, onCheckAgain }: { imp: DirectoryImport; onCheckAgain: () => void }) {
  const t = useT();
  const locale = useLocale();
  const n = new Intl.NumberFormat(locale);
  const labelId = useId();
  const total = Math.max(imp.progress.total, imp.rowCount);
  const done = imp.status === 'applied' ? total : Math.min(imp.progress.done, total);

  return (
    <>
      {imp.status === 'applying' ? (
        <p role="status" className="import-running">
          {t('exchange.apply.running')}
        </p>
      ) : null}
      {imp.status !== 'failed' ? (
        <div className="import-progress">
          <p id={labelId} className="import-progress__label">
            {t('exchange.apply.progressLabel')}: {t('exchange.apply.rows', { done: n.format(done), total: n.format(total) })}
          </p>
          <progress aria-labelledby={labelId} max={Math.max(total, 1)} value={done} />
        </div>
      ) : null}

      {imp.status === 'applied' ? (
        <>
          <Alert kind="success" title={t('exchange.apply.done')}>
            <p>{t('exchange.apply.doneDetail', { count: n.format(imp.rowCount), file: imp.fileName })}</p>
          </Alert>
          {imp.counts ? (
            <SubSection title={t('exchange.apply.summary')}>
              <CountList counts={imp.counts} />
            </SubSection>
          ) : null}
          <ul className="link-list import-links">
            <li>
              <Link to="/directory">{t('exchange.apply.toDirectory')}</Link>
            </li>
            <li>
              <Link to="/directory/import" state={{ focusStep: true }}>
                {t('exchange.apply.another')}
              </Link>
            </li>
          </ul>
        </>
      ) : null}

      {imp.status === 'failed' ? (
        <>
          <Alert kind="error" title={t('exchange.apply.failed')}>
            {imp.error ? <p>{imp.error}</p> : null}
          </Alert>
          {imp.problems.length > 0 ? (
            <SubSection title={t('exchange.problems.title')}>
              <ProblemTable imp={imp} />
            </SubSection>
          ) : null}
          <div className="actions import-actions">
            <Button onClick={onCheckAgain}>{t('exchange.apply.checkAgain')}</Button>
            <Link to="/directory/import" state={{ focusStep: true }} className="button button--secondary">
              {t('exchange.check.uploadAgain')}
            </Link>
          </div>
        </>
      ) : null}
    </>
  );
}
