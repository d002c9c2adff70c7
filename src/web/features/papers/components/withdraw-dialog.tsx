import { useId, useState } from 'react';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useWithdraw, type Paper } from '../api';

/**
 * A button that withdraws a paper, or one version of it, after a confirmation that asks why: the secretariat's way
 * out when a wrong or sensitive file was published. The files are deleted; the reason goes to the audit trail.
 */
export function WithdrawButton({ paper, number, onDone }: { paper: Paper; number?: number; onDone: (message: string) => void }) {
  const t = useT();
  const id = useId();
  const toMessages = useErrorMessages();
  const withdraw = useWithdraw(paper.eventId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const whole = number === undefined;
  const close = () => {
    setOpen(false);
    setReason('');
    setError(null);
  };
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {whole ? t('papers.withdraw.open') : t('papers.withdraw.openVersion', { number })}
      </Button>
      <ConfirmDialog
        open={open}
        danger
        title={whole ? t('papers.withdraw.title', { title: paper.title }) : t('papers.withdraw.titleVersion', { number, title: paper.title })}
        confirmLabel={whole ? t('papers.withdraw.confirm') : t('papers.withdraw.confirmVersion', { number })}
        pending={withdraw.isPending}
        error={error}
        onCancel={close}
        onConfirm={() => {
          // The promise, not mutate's callbacks: withdrawing a whole paper takes this button off the page when the
          // list refreshes, and mutate's callbacks do not run after that; the notice belongs to the papers section.
          withdraw
            .mutateAsync({ paperId: paper.id, reason, ...(whole ? {} : { number }) })
            .then(() => {
              close();
              onDone(whole ? t('papers.withdraw.done', { title: paper.title }) : t('papers.withdraw.doneVersion', { number, title: paper.title }));
            })
            .catch((e: unknown) => {
              const m = toMessages(e, ['reason']);
              setError([m.fields.reason, m.form].filter(Boolean).join(' '));
            });
        }}
      >
        <p>{whole ? t('papers.withdraw.explain', { count: paper.versionCount }) : t('papers.withdraw.explainVersion')}</p>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('papers.withdraw.reason')}
          </label>
          <p className="field__description" id={`${id}-d`}>
            {t('papers.withdraw.reasonHelp')}
          </p>
          <textarea id={id} className="input" rows={3} required aria-describedby={`${id}-d`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </ConfirmDialog>
    </>
  );
}
