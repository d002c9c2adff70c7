import { useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { Alert } from './alert';
import { Button } from './button';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** A failed query: what went wrong, and a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const detail = error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : t('error.network');
  return (
    <Alert kind="error" title={t('error.loadFailed')}>
      <p>{detail}</p>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </Button>
      ) : null}
    </Alert>
  );
}
