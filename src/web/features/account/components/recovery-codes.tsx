import { Alert } from '@/web/components/alert';
import { useT } from '@/web/i18n/use-t';

/** Recovery codes are shown once; the server keeps only their hashes. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const t = useT();
  return (
    <div className="recovery">
      <Alert kind="info" title={t('recovery.title')}>
        <p>{t('recovery.explain')}</p>
      </Alert>
      <ol className="recovery__codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
