import '@/web/styles/library.css';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { Page } from '@/web/components/page';
import { intlLocale, useLocale, useT } from '@/web/i18n/use-t';
import { memberNames, useReference } from '@/web/lib/reference';
import { useDeleteResource, useResource } from '../api';
import { formatSize, languageName } from '@/web/lib/format';

export function ResourceRoute() {
  const t = useT();
  const locale = intlLocale(useLocale());
  const { id = '' } = useParams();
  const { data: r, isError, isPending } = useResource(id);
  const reference = useReference();
  const member = memberNames(reference.data);
  const themes = new Map((reference.data?.themes ?? []).map((th) => [th.code, th.name]));
  const remove = useDeleteResource();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  if (isPending) return <Page title={t('library.title')}><p>…</p></Page>;
  if (isError) {
    return (
      <Page title={t('library.title')}>
        <Alert kind="error">{t('library.notFound')}</Alert>
        <p><Link to="/library">{t('library.back')}</Link></p>
      </Page>
    );
  }
  const langs = r.languages.map((l) => languageName(l, locale)).join(', ');
  return (
    <Page title={r.title} lead={r.description || undefined}>
      <div className="resource">
        <dl>
          <dt>{t('library.form.type')}</dt><dd>{t(`library.type.${r.type}`)}</dd>
          {r.year ? <><dt>{t('library.year')}</dt><dd>{r.year}</dd></> : null}
          {r.publisher ? <><dt>{t('library.publisher')}</dt><dd>{r.publisher}</dd></> : null}
          <dt>{t('library.languages')}</dt><dd>{langs}</dd>
          {r.themes.length ? <><dt>{t('library.themes')}</dt><dd>{r.themes.map((c) => themes.get(c) ?? c).join('; ')}</dd></> : null}
          {r.countries.length ? <><dt>{t('library.countries')}</dt><dd>{r.countries.map(member).join(', ')}</dd></> : null}
          <dt>{t('library.sensitivity')}</dt><dd>{t(`library.sensitivity.${r.sensitivity}`)}</dd>
        </dl>
        <div className="resource__actions">
          {r.file ? <a className="button" href={r.file.downloadUrl} download>{t('library.download', { type: r.file.type.toUpperCase(), size: formatSize(r.file.size, locale) })}</a> : null}
          {r.linkUrl ? <a className="button button--secondary" href={r.linkUrl} rel="noopener noreferrer nofollow" target="_blank">{t('library.openLink')}</a> : null}
        </div>
        {r.languageVersions.length ? (
          <section aria-labelledby="versions">
            <h2 id="versions">{t('library.versions')}</h2>
            <ul>
              {r.languageVersions.map((v) => (
                <li key={v.id} lang={v.languages[0]}>
                  <Link to={`/library/${encodeURIComponent(v.id)}`}>{v.title}</Link> ({v.languages.map((l) => languageName(l, locale)).join(', ')})
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {r.extraction ? (
          <section aria-labelledby="extraction">
            <h2 id="extraction">{t('library.extraction')}</h2>
            {r.extraction.status === 'failed'
              ? <Alert kind="error">{t('library.extraction.failed', { reason: r.extraction.error ?? '' })}</Alert>
              : <p role="status">{t(`library.extraction.${r.extraction.status}`, { count: r.extraction.characters })}</p>}
          </section>
        ) : null}
        {r.canEdit ? (
          <div className="resource__actions">
            <Link className="button button--secondary" to={`/library/${encodeURIComponent(r.id)}/edit`}>{t('library.edit')}</Link>
            <Button variant="danger" onClick={() => setConfirming(true)}>{t('library.delete')}</Button>
          </div>
        ) : null}
        <p><Link to="/library">{t('library.back')}</Link></p>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('library.delete')}
        confirmLabel={t('library.delete')}
        danger
        pending={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate(r.id, { onSuccess: () => void navigate('/library') })}
      >
        <p>{t('library.deleteConfirm')}</p>
      </ConfirmDialog>
    </Page>
  );
}
