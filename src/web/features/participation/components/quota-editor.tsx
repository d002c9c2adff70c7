import { useState, type FormEvent } from 'react';
import type { Invitation } from '@/contracts/participation';
import { Button } from '@/web/components/button';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useUpdateInvitation } from '../api';

/** The places of one Member or agency invitation, changed in place; the server refuses going below what is used. */
export function QuotaEditor({ eventId, invitation, name, onDone }: { eventId: string; invitation: Invitation; name: string; onDone: (text: string, ok: boolean) => void }) {
  const t = useT();
  const toMessages = useErrorMessages();
  const update = useUpdateInvitation(eventId);
  const [value, setValue] = useState(String(invitation.quota ?? 1));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const quota = Number(value);
    if (!Number.isInteger(quota) || quota < 1 || quota > 500) {
      onDone(t('participation.validation.quota'), false);
      return;
    }
    update.mutate(
      { id: invitation.id, quota },
      {
        onSuccess: () => onDone(t('participation.quotaSaved', { name, quota }), true),
        onError: (error) => onDone(toMessages(error, []).form ?? t('error.network'), false),
      },
    );
  }

  return (
    <form className="quota-editor" onSubmit={onSubmit} noValidate>
      <input
        className="input quota-editor__input"
        type="number"
        inputMode="numeric"
        min={1}
        max={500}
        aria-label={t('participation.quotaFor', { name })}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit" variant="secondary" pending={update.isPending} aria-label={t('participation.saveQuotaFor', { name })}>
        {t('common.save')}
      </Button>
    </form>
  );
}
