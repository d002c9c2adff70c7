import '@/web/styles/dialogues.css';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page, Section } from '@/web/components/page';
import { Loading, QueryError } from '@/web/components/status';
import { TextField } from '@/web/components/text-field';
import { useLocale, useT } from '@/web/i18n/use-t';
import { useErrorMessages, type FormErrors } from '@/web/lib/form-errors';
import { formatDateTime } from '@/web/lib/format';
import { createThread, setFollow, useDialoguesMutation, useSpace, useThreads } from '../api';
import { Composer } from '../components/composer';
import { MembersSection } from '../components/members';
import { ThreadSearch } from '../components/thread-search';

/** /dialogues/:spaceId: the threads (pinned first, unread marked), follow, and the new-thread form. */
export function SpaceRoute() {
  const t = useT();
  const locale = useLocale();
  const { spaceId = '' } = useParams();
  const space = useSpace(spaceId);
  const threads = useThreads(spaceId);
  const follow = useDialoguesMutation((on: boolean) => setFollow('spaces', spaceId, on));
  if (space.isPending) return <Loading />;
  if (space.isError) {
    return (
      <Page title={t('dialogues.title')}>
        <QueryError error={space.error} onRetry={() => void space.refetch()} />
      </Page>
    );
  }
  const s = space.data;
  const items = threads.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page title={s.name} lead={s.description || undefined}>
      <p>
        <Link to="/dialogues">{t('dialogues.back')}</Link>
      </p>
      <p className="dialogues-meta">
        {t(`dialogues.kind.${s.kind}`)}
        {s.event ? (
          <>
            {' · '}
            <Link to={`/events/${encodeURIComponent(s.event.id)}`}>{s.event.title}</Link>
          </>
        ) : null}{' '}
        · {t(`dialogues.access.${s.access}`)}
      </p>
      <div className="dialogues-actions">
        <Button variant="secondary" aria-pressed={s.following} pending={follow.isPending} onClick={() => follow.mutate(!s.following)}>
          {s.following ? t('dialogues.unfollow') : t('dialogues.follow')}
        </Button>
        {s.following ? <span>{t('dialogues.following')}</span> : null}
      </div>
      <ThreadSearch spaceId={spaceId} />
      <Section title={t('dialogues.threads')}>
        {threads.isError ? <QueryError error={threads.error} onRetry={() => void threads.refetch()} /> : null}
        {threads.isPending ? <Loading /> : items.length === 0 ? <p className="empty">{t('dialogues.noThreads')}</p> : null}
        <ul className="dialogues-list">
          {items.map((th) => (
            <li key={th.id} className={th.unreadCount > 0 ? 'dialogues-card dialogues-card--unread' : 'dialogues-card'}>
              <h3 className="dialogues-card__title">
                <Link to={`/dialogues/threads/${encodeURIComponent(th.id)}`}>{th.title}</Link>
              </h3>
              <p className="dialogues-meta">
                {th.pinned ? <span className="dialogues-badge">{t('dialogues.pinned')}</span> : null}
                {th.locked ? <span className="dialogues-badge">{t('dialogues.locked')}</span> : null}
                {th.hidden ? <span className="dialogues-badge">{t('dialogues.hidden')}</span> : null}
                {th.unreadCount > 0 ? <strong className="dialogues-unread">{t('dialogues.unread', { count: th.unreadCount })}</strong> : null}{' '}
                {t('dialogues.posts', { count: th.postCount })} · {th.author ? t('dialogues.by', { name: th.author.displayName }) : ''} ·{' '}
                {t('dialogues.lastActivity', { when: formatDateTime(th.lastPostAt, locale) })}
              </p>
            </li>
          ))}
        </ul>
        {threads.hasNextPage ? (
          <Button variant="secondary" pending={threads.isFetchingNextPage} onClick={() => void threads.fetchNextPage()}>
            {t('dialogues.loadMore')}
          </Button>
        ) : null}
      </Section>
      <NewThreadForm spaceId={spaceId} />
      <MembersSection space={s} />
    </Page>
  );
}

function NewThreadForm({ spaceId }: { spaceId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const toMessages = useErrorMessages();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const create = useDialoguesMutation((input: { title: string; body: string }) => createThread(spaceId, input));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const v = new FormData(e.currentTarget).get('title');
    const title = typeof v === 'string' ? v : '';
    create.mutate({ title, body }, {
      onSuccess: (thread) => void navigate(`/dialogues/threads/${encodeURIComponent(thread.id)}`),
      onError: (err) => setErrors(toMessages(err, ['title', 'body'])),
    });
  };
  return (
    <Section title={t('dialogues.newThread')}>
      <form onSubmit={submit} noValidate className="dialogues-form">
        <FormAlert message={errors.form} />
        <TextField label={t('dialogues.field.title')} name="title" required maxLength={200} error={errors.fields.title} />
        <Composer label={t('dialogues.field.body')} name="body" value={body} onChange={setBody} error={errors.fields.body} />
        <Button type="submit" pending={create.isPending}>
          {t('dialogues.post')}
        </Button>
      </form>
    </Section>
  );
}
