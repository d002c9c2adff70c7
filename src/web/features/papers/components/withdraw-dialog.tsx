import { useState } from 'react';
import { Button } from '@/web/components/button';
import { ReasonDialog } from '@/web/components/reason-dialog';
import { useT } from '@/web/i18n/use-t';
import { useWithdraw, type Paper } from '../api';

/**
 * A button that withdraws a paper, or one version of it, after a confirmation that asks why: the secretariat's way
 * out when a wrong or sensitive file was published. The files are deleted; the reason goes to the audit trail.
 */
export function WithdrawButton({ paper, number, onDone }: { paper: Paper; number?: number; onDone: (message: string) => void }) {
  const t = useT();
  const withdraw = useWithdraw(paper.eventId);
  const [open, setOpen] = useState(false);
  const whole = number === undefined;
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {whole ? t('papers.withdraw.open') : t('papers.withdraw.openVersion', { number })}
      </Button>
      <ReasonDialog
        open={open}
        danger
        title={whole ? t('papers.withdraw.title', { title: paper.title }) : t('papers.withdraw.titleVersion', { number, title: paper.title })}
        confirmLabel={whole ? t('papers.withdraw.confirm') : t('papers.withdraw.confirmVersion', { number })}
        reasonLabel={t('papers.withdraw.reason')}
        reasonHelp={t('papers.withdraw.reasonHelp')}
        onClose={() => setOpen(false)}
        // The promise, not mutate's callbacks: withdrawing a whole paper takes this button off the page when the
        // list refreshes, and mutate's callbacks do not run after that; the notice belongs to the papers section.
        onConfirm={(reason) =>
          withdraw.mutateAsync({ paperId: paper.id, reason, ...(whole ? {} : { number }) }).then(() => {
            onDone(whole ? t('papers.withdraw.done', { title: paper.title }) : t('papers.withdraw.doneVersion', { number, title: paper.title }));
          })
        }
      >
        <p>{whole ? t('papers.withdraw.explain', { count: paper.versionCount }) : t('papers.withdraw.explainVersion')}</p>
      </ReasonDialog>
    </>
  );
}
