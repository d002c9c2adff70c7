import '@/web/styles/practices.css';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { useT } from '@/web/i18n/use-t';
import type { MessageKey } from '@/web/i18n/en';
import { ApiError } from '@/web/lib/api-client';
import { useReference } from '@/web/lib/reference';
import { usePractice, usePracticeAction, type Practice, type PracticeAction } from '../api';

const sections = ['problem', 'action', 'results', 'evidence', 'lessons'] as const;

export function PracticeRoute() {
  const { id = '' } = useParams();
  const t = useT();
  const { data, isError } = usePractice(id);
  if (isError) return <Page title={t('practices.title')}><Alert kind="error">{t('practices.notFound')}</Alert></Page>;
  if (!data) return <Page title={t('practices.title')}><p>…</p></Page>;
  return <PracticeView p={data} />;
}

function PracticeView({ p }: { p: Practice }) {
  const t = useT();
  const reference = useReference();
  const themes = new Map((reference.data?.themes ?? []).map((th) => [th.code, th.name]));
  const inside = p.can.comment || p.can.edit || p.can.review || p.can.publish || p.comments.length > 0;
  return (
    <Page title={p.title}>
      <p className="practice__meta">
        {p.memberName}
        {p.themes.length ? <> · {p.themes.map((c) => themes.get(c) ?? c).join(', ')}</> : null}
        {p.languages.length ? <> · {t('practices.languages')}: {p.languages.join(', ')}</> : null}
      </p>
      {inside ? (
        <p className="practice__meta">
          {t('practices.state')}: <strong>{t(`practices.status.${p.status}` as MessageKey)}</strong>
          {p.audience ? <> · {t(`practices.audience.${p.audience}` as MessageKey)}</> : null}
          {p.submitterName ? <> · {t('practices.submittedBy', { name: p.submitterName })}</> : null}
        </p>
      ) : null}
      {p.can.edit ? <p><Link to={`/practices/${encodeURIComponent(p.id)}/edit`}>{t('practices.edit')}</Link></p> : null}
      {sections.map((s) => (
        <section key={s} className="practice__section" aria-labelledby={`practice-${s}`}>
          <h2 id={`practice-${s}`}>{t(`practices.section.${s}` as MessageKey)}</h2>
          <p>{p[s] || t('practices.empty')}</p>
          {s === 'evidence' && p.evidenceLinks.length ? (
            <ul>{p.evidenceLinks.map((l) => <li key={l}><a href={l} rel="noopener noreferrer nofollow">{l}</a></li>)}</ul>
          ) : null}
        </section>
      ))}
      <section className="practice__section" aria-labelledby="practice-contact">
        <h2 id="practice-contact">{t('practices.section.contact')}</h2>
        <p>{p.contact || t('practices.empty')}</p>
        {p.contactPerson ? <p><Link to={`/directory/people/${encodeURIComponent(p.contactPerson.id)}`}>{p.contactPerson.name}</Link></p> : null}
      </section>
      {inside ? <Review p={p} /> : null}
    </Page>
  );
}

function Review({ p }: { p: Practice }) {
  const t = useT();
  const act = usePracticeAction(p.id);
  const [text, setText] = useState('');
  const [audience, setAudience] = useState<string>(p.audience ?? 'members');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (action: PracticeAction, body?: Record<string, unknown>, message?: string) => {
    setError(null);
    setDone(null);
    try {
      await act.mutateAsync({ action, body });
      setText('');
      setDone(message ?? t('practices.saved'));
    } catch (err) {
      setError(err instanceof ApiError ? [err.problem.detail ?? err.problem.title, ...(err.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`)].join(' ') : t('practices.failed'));
    }
  };
  const onComment = (e: FormEvent) => {
    e.preventDefault();
    void run('comments', { body: text }, t('practices.commentAdded'));
  };
  return (
    <section aria-labelledby="practice-review">
      <h2 id="practice-review">{t('practices.review')}</h2>
      {p.comments.length === 0 ? <p>{t('practices.noComments')}</p> : (
        <ol className="practice__comments">
          {p.comments.map((c) => (
            <li key={c.id}>
              <p className="practice__meta">{c.authorName}{c.step ? <> · {t(`practices.status.${c.step}` as MessageKey)}</> : null} · <time dateTime={c.createdAt}>{c.createdAt.slice(0, 10)}</time></p>
              <p>{c.body}</p>
            </li>
          ))}
        </ol>
      )}
      {error ? <Alert kind="error">{error}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      {p.can.comment || p.can.review ? (
        <form onSubmit={onComment} className="practice-form">
          <div className="field">
            <label htmlFor="practice-comment">{t('practices.comment')}</label>
            <textarea id="practice-comment" className="input" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <div className="practice__actions">
            {p.can.comment ? <Button type="submit" pending={act.isPending}>{t('practices.addComment')}</Button> : null}
            {p.can.review ? <Button type="button" onClick={() => void run('request-changes', { comment: text }, t('practices.changesRequested'))}>{t('practices.requestChanges')}</Button> : null}
          </div>
        </form>
      ) : null}
      <div className="practice__actions">
        {p.can.submit ? <Button type="button" onClick={() => void run('submit', undefined, t('practices.submitted'))}>{t('practices.submit')}</Button> : null}
        {p.can.publish ? (
          <>
            <Select label={t('practices.audience')} value={audience} onChange={(e) => setAudience(e.target.value)}
              options={[{ value: 'members', label: t('practices.audience.members') }, { value: 'public', label: t('practices.audience.public') }]} />
            <Button type="button" onClick={() => void run('publish', { audience, ...(text.trim() ? { comment: text } : {}) }, t('practices.published'))}>{t('practices.publish')}</Button>
          </>
        ) : null}
        {p.can.archive ? <Button type="button" onClick={() => void run('archive', {}, t('practices.archived'))}>{t('practices.archive')}</Button> : null}
      </div>
    </section>
  );
}
