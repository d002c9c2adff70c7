import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { resolveReport, useDialoguesMutation, type Report } from '../api';
import { ReasonDialog } from '@/web/components/reason-dialog';

/** Open reports for moderators, each resolved with a reason (optionally hiding the post). */
export function ReportsList({ reports }: { reports: Report[] }) {
  const t = useT();
  const [open, setOpen] = useState<{ id: string; hide: boolean } | null>(null);
  const resolve = useDialoguesMutation(({ id, reason, hide }: { id: string; reason: string; hide: boolean }) => resolveReport(id, reason, hide));
  if (reports.length === 0) return <p className="empty">{t('dialogues.noReports')}</p>;
  return (
    <>
      <ul className="dialogues-list">
        {reports.map((r) => (
          <li key={r.id} className="dialogues-card">
            <p>
              <Link to={`/dialogues/threads/${encodeURIComponent(r.thread.id)}`}>{r.thread.title}</Link> ({r.space.name})
            </p>
            <blockquote className="dialogues-quote">{r.post.excerpt}</blockquote>
            <p>{t('dialogues.reportedBy', { name: r.reporter?.displayName ?? '—', reason: r.reason })}</p>
            <div className="dialogues-actions">
              <Button variant="secondary" onClick={() => setOpen({ id: r.id, hide: false })}>
                {t('dialogues.resolve')}
              </Button>
              <Button variant="danger" onClick={() => setOpen({ id: r.id, hide: true })}>
                {t('dialogues.resolveHide')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ReasonDialog
        open={open !== null}
        title={open?.hide ? t('dialogues.resolveHide') : t('dialogues.resolve')}
        confirmLabel={t('dialogues.confirm')}
        onClose={() => setOpen(null)}
        onConfirm={(reason) => (open ? resolve.mutateAsync({ id: open.id, reason, hide: open.hide }) : Promise.resolve())}
      />
    </>
  );
}
