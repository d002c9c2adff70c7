import '@/web/styles/dialogues.css';
import type { Problem } from '@/contracts/common';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, FormAlert } from '@/web/components/alert';
import { Button } from '@/web/components/button';
import { Page, Section } from '@/web/components/page';
import { Select } from '@/web/components/select';
import { Loading, QueryError } from '@/web/components/status';
import { useLocale, useT } from '@/web/i18n/use-t';
import { ApiError } from '@/web/lib/api-client';
import { useErrorMessages } from '@/web/lib/form-errors';
import { formatDateTime } from '@/web/lib/format';
import { useSession } from '@/web/lib/session';
import {
  attachmentUrl, editPost, markRead, moderatePost, moderateThread, reply, reportPost, setFollow, useDialoguesMutation, usePosts, useSpaces, useThread,
  type Post, type Thread, type ThreadModeration,
} from '../api';
import { Composer } from '../components/composer';
import { ReasonDialog } from '@/web/components/reason-dialog';

type ModAction = ThreadModeration['action'];

/** /dialogues/threads/:id: the posts (server-sanitised HTML), paging, reply with quote and preview, report, moderation. */
export function ThreadRoute() {
  const t = useT();
  const { id = '' } = useParams();
  const thread = useThread(id);
  if (thread.isPending) return <Loading />;
  if (thread.isError) {
    return (
      <Page title={t('dialogues.title')}>
        <QueryError error={thread.error} onRetry={() => void thread.refetch()} />
      </Page>
    );
  }
  return <ThreadPage thread={thread.data} />;
}

function ThreadPage({ thread }: { thread: Thread }) {
  const t = useT();
  const posts = usePosts(thread.id);
  const items = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const [quote, setQuote] = useState<Post | null>(null);
  const [reportFor, setReportFor] = useState<Post | null>(null);
  const [reported, setReported] = useState(false);
  const [modAction, setModAction] = useState<ModAction | null>(null);
  const [postMod, setPostMod] = useState<Post | null>(null);
  const [moveTo, setMoveTo] = useState('');
  const follow = useDialoguesMutation((on: boolean) => setFollow('threads', thread.id, on));
  const moderate = useDialoguesMutation((body: ThreadModeration) => moderateThread(thread.id, body));
  const modPost = useDialoguesMutation(({ post, reason }: { post: Post; reason: string }) => moderatePost(post.id, { action: post.hidden ? 'unhide' : 'hide', reason }));
  const spaces = useSpaces();
  const composerRef = useRef<HTMLDivElement>(null);

  // Opening the thread marks it read up to the last post shown.
  const lastShown = items.at(-1)?.id;
  const read = useDialoguesMutation((postId: string) => markRead(thread.id, postId));
  const readMutate = read.mutate;
  useEffect(() => {
    if (lastShown) readMutate(lastShown);
  }, [lastShown, readMutate]);

  const actions: ModAction[] = [thread.pinned ? 'unpin' : 'pin', thread.locked ? 'unlock' : 'lock', thread.hidden ? 'unhide' : 'hide', 'move'];
  return (
    <Page title={thread.title} lead={t('dialogues.thread.lead', { space: thread.space.name })}>
      <p>
        <Link to={`/dialogues/${encodeURIComponent(thread.space.id)}`}>{thread.space.name}</Link>
      </p>
      {thread.hidden ? <Alert kind="info">{t('dialogues.hiddenThreadNotice')}</Alert> : null}
      {thread.locked ? <Alert kind="info">{t('dialogues.lockedNotice')}</Alert> : null}
      <div className="dialogues-actions">
        {thread.pinned ? <span className="dialogues-badge">{t('dialogues.pinned')}</span> : null}
        <Button variant="secondary" aria-pressed={thread.following} onClick={() => follow.mutate(!thread.following)}>
          {thread.following ? t('dialogues.unfollow') : t('dialogues.follow')}
        </Button>
      </div>
      {thread.canModerate ? (
        <div className="dialogues-actions" role="group" aria-label={t('dialogues.moderate')}>
          {actions.map((a) => (
            <Button key={a} variant="secondary" onClick={() => setModAction(a)}>
              {t(`dialogues.action.${a}`)}
            </Button>
          ))}
        </div>
      ) : null}
      {posts.isError ? <QueryError error={posts.error} onRetry={() => void posts.refetch()} /> : null}
      {posts.isPending ? <Loading /> : null}
      <ol className="dialogues-posts">
        {items.map((p) => (
          <PostItem
            key={p.id}
            post={p}
            thread={thread}
            onQuote={() => {
              setQuote(p);
              composerRef.current?.querySelector('textarea')?.focus();
            }}
            onReport={() => setReportFor(p)}
            onModerate={() => setPostMod(p)}
          />
        ))}
      </ol>
      {posts.hasNextPage ? (
        <Button variant="secondary" pending={posts.isFetchingNextPage} onClick={() => void posts.fetchNextPage()}>
          {t('dialogues.loadMore')}
        </Button>
      ) : null}
      {reported ? <Alert kind="success">{t('dialogues.reported')}</Alert> : null}
      {thread.canReply ? (
        <div ref={composerRef}>
          <ReplyForm thread={thread} quote={quote} onClearQuote={() => setQuote(null)} />
        </div>
      ) : null}
      <ReasonDialog
        open={reportFor !== null}
        title={t('dialogues.reportTitle')}
        confirmLabel={t('dialogues.report')}
        onClose={() => setReportFor(null)}
        onConfirm={(reason) => (reportFor ? reportPost(reportFor.id, reason).then(() => setReported(true)) : Promise.resolve())}
      />
      <ReasonDialog
        open={modAction !== null}
        title={t('dialogues.moderationTitle', { action: modAction ? t(`dialogues.action.${modAction}`) : '' })}
        confirmLabel={t('dialogues.confirm')}
        onClose={() => setModAction(null)}
        onConfirm={(reason) => (modAction ? moderate.mutateAsync({ action: modAction, reason, ...(modAction === 'move' ? { spaceId: moveTo } : {}) }) : Promise.resolve())}
      >
        {modAction === 'move' ? (
          <Select
            label={t('dialogues.moveTo')}
            value={moveTo}
            onChange={(e) => setMoveTo(e.target.value)}
            options={[{ value: '', label: '—' }, ...(spaces.data?.items ?? []).filter((s) => s.id !== thread.space.id && s.canModerate).map((s) => ({ value: s.id, label: s.name }))]}
          />
        ) : null}
      </ReasonDialog>
      <ReasonDialog
        open={postMod !== null}
        title={t('dialogues.moderationTitle', { action: postMod?.hidden ? t('dialogues.action.unhide') : t('dialogues.action.hide') })}
        confirmLabel={t('dialogues.confirm')}
        onClose={() => setPostMod(null)}
        onConfirm={(reason) => (postMod ? modPost.mutateAsync({ post: postMod, reason }) : Promise.resolve())}
      />
    </Page>
  );
}

function PostItem({ post, thread, onQuote, onReport, onModerate }: { post: Post; thread: Thread; onQuote: () => void; onReport: () => void; onModerate: () => void }) {
  const t = useT();
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(post.source);
  const toMessages = useErrorMessages();
  const [error, setError] = useState<string | undefined>();
  const save = useDialoguesMutation((body: string) => editPost(post.id, body));
  const headingId = useId();
  return (
    <li className={post.hidden ? 'dialogues-post dialogues-post--hidden' : 'dialogues-post'} aria-labelledby={headingId}>
      <p className="dialogues-post__head" id={headingId}>
        <strong>{post.author?.displayName ?? '—'}</strong> · <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, locale)}</time>
        {post.editedAt ? ` ${t('dialogues.edited')}` : ''}
      </p>
      {post.hidden ? <p className="dialogues-notice">{t('dialogues.hiddenPostNotice')}</p> : null}
      {post.quote ? (
        <blockquote className="dialogues-quote">
          <p>{t('dialogues.quoting', { name: post.quote.author ?? '—' })}</p>
          <p>{post.quote.text}</p>
        </blockquote>
      ) : null}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft, { onSuccess: () => setEditing(false), onError: (err) => setError(toMessages(err, ['body']).fields.body ?? toMessages(err, ['body']).form ?? undefined) });
          }}
        >
          <Composer label={t('dialogues.field.body')} name="body" value={draft} onChange={setDraft} error={error} />
          <div className="dialogues-actions">
            <Button type="submit" pending={save.isPending}>
              {t('dialogues.save')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('dialogues.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        // The server's sanitised HTML (markdown-it without raw HTML, then sanitize-html); the CSP blocks inline script too.
        <div className="dialogues-body" dangerouslySetInnerHTML={{ __html: post.html }} />
      )}
      {post.attachments.length > 0 ? (
        <ul className="dialogues-attachments" aria-label={t('dialogues.attachments')}>
          {post.attachments.map((a) => (
            <li key={a.id}>
              <a href={a.url} download>
                {a.name}
              </a>{' '}
              ({Math.max(1, Math.round(a.size / 1024))} KB)
            </li>
          ))}
        </ul>
      ) : null}
      <div className="dialogues-actions">
        {thread.canReply ? (
          <Button variant="link" onClick={onQuote} aria-label={`${t('dialogues.quote')}: ${post.author?.displayName ?? ''}`}>
            {t('dialogues.quote')}
          </Button>
        ) : null}
        {!post.mine ? (
          <Button variant="link" onClick={onReport}>
            {t('dialogues.report')}
          </Button>
        ) : null}
        {post.mine && !thread.locked && !editing ? (
          <Button variant="link" onClick={() => setEditing(true)}>
            {t('dialogues.edit')}
          </Button>
        ) : null}
        {thread.canModerate ? (
          <Button variant="link" onClick={onModerate}>
            {post.hidden ? t('dialogues.action.unhide') : t('dialogues.action.hide')}
          </Button>
        ) : null}
      </div>
      {post.mine && !thread.locked ? <AttachForm post={post} maxMb={thread.maxUploadMb} /> : null}
    </li>
  );
}

function AttachForm({ post, maxMb }: { post: Post; maxMb: number }) {
  const t = useT();
  const id = useId();
  const session = useSession();
  const toMessages = useErrorMessages();
  const [error, setError] = useState<string | null>(null);
  const send = useDialoguesMutation(async (form: FormData) => {
    const res = await fetch(attachmentUrl(post.id), { method: 'POST', body: form, headers: { accept: 'application/json', 'x-csrf-token': session.data?.csrfToken ?? 'anonymous' } });
    if (!res.ok) {
      const fallback: Problem = { type: 'about:blank', title: `HTTP ${res.status}`, status: res.status, code: `http_${res.status}` };
      throw new ApiError(res.status, ((await res.json().catch(() => null)) as Problem | null) ?? fallback, null);
    }
    return res.json() as Promise<Post>;
  });
  return (
    <details className="dialogues-attach">
      <summary>{t('dialogues.attach')}</summary>
      <form
        onSubmit={(e: FormEvent<HTMLFormElement>) => {
          e.preventDefault();
          const form = e.currentTarget;
          send.mutate(new FormData(form), { onSuccess: () => { form.reset(); setError(null); }, onError: (err) => setError(toMessages(err, []).form) });
        }}
      >
        <FormAlert message={error} />
        <label className="field__label" htmlFor={id}>
          {t('dialogues.attach')}
        </label>
        <p className="field__description" id={`${id}-d`}>
          {t('dialogues.attachHelp', { mb: maxMb })}
        </p>
        <input id={id} type="file" name="file" required aria-describedby={`${id}-d`} />
        <Button type="submit" variant="secondary" pending={send.isPending}>
          {t('dialogues.upload')}
        </Button>
      </form>
    </details>
  );
}

function ReplyForm({ thread, quote, onClearQuote }: { thread: Thread; quote: Post | null; onClearQuote: () => void }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<{ body?: string | undefined; form: string | null }>({ form: null });
  const send = useDialoguesMutation((input: { body: string; quotePostId?: string | null }) => reply(thread.id, input));
  return (
    <Section title={t('dialogues.sendReply')}>
      <form
        noValidate
        className="dialogues-form"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ body, quotePostId: quote?.id ?? null }, {
            onSuccess: () => {
              setBody('');
              setErrors({ form: null });
              onClearQuote();
            },
            onError: (err) => {
              const m = toMessages(err, ['body']);
              setErrors({ body: m.fields.body, form: m.form });
            },
          });
        }}
      >
        <FormAlert message={errors.form} />
        <Composer label={t('dialogues.field.reply')} name="body" value={body} onChange={setBody} error={errors.body}>
          {quote ? (
            <div className="dialogues-quote">
              <p>{t('dialogues.quoting', { name: quote.author?.displayName ?? '—' })}</p>
              <p>{quote.source.slice(0, 300)}</p>
              <Button variant="link" onClick={onClearQuote}>
                {t('dialogues.removeQuote')}
              </Button>
            </div>
          ) : null}
        </Composer>
        <Button type="submit" pending={send.isPending}>
          {t('dialogues.sendReply')}
        </Button>
      </form>
    </Section>
  );
}
