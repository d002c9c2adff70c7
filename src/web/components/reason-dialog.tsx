import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useT } from '@/web/i18n/use-t';

/**
 * A confirmation that asks for a reason (required, audited) before an action: moderation and reports in the
 * dialogues, withdrawing a paper. It closes when `onConfirm` resolves and shows the server's message when it fails.
 */
export function ReasonDialog({ open, title, confirmLabel, onConfirm, onClose, children, danger, reasonLabel, reasonHelp }: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
  danger?: boolean;
  /** Defaults: "Reason", "Required. It is recorded in the audit trail." */
  reasonLabel?: string;
  reasonHelp?: string;
}) {
  const t = useT();
  const id = useId();
  const toMessages = useErrorMessages();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  return (
    <ConfirmDialog
      open={open}
      danger={danger}
      title={title}
      confirmLabel={confirmLabel}
      pending={pending}
      error={error}
      onCancel={close}
      onConfirm={() => {
        setPending(true);
        onConfirm(reason)
          .then(close)
          .catch((e: unknown) => {
            const m = toMessages(e, ['reason']);
            setError([m.fields.reason, m.form].filter(Boolean).join(' '));
          })
          .finally(() => setPending(false));
      }}
    >
      {children}
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {reasonLabel ?? t('common.reason')}
        </label>
        <p className="field__description" id={`${id}-d`}>
          {reasonHelp ?? t('common.reasonHelp')}
        </p>
        <textarea id={id} className="input" rows={3} required aria-describedby={`${id}-d`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
