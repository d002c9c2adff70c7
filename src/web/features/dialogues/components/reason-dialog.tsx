import { useId, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useT } from '@/web/i18n/use-t';

/** A dialog that asks for a reason (required) before a moderation action or a report. */
export function ReasonDialog({ open, title, confirmLabel, onConfirm, onClose, children }: {
  open: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
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
          {t('dialogues.reason')}
        </label>
        <p className="field__description" id={`${id}-d`}>
          {t('dialogues.reasonHelp')}
        </p>
        <textarea id={id} className="input" rows={3} required aria-describedby={`${id}-d`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </ConfirmDialog>
  );
}
