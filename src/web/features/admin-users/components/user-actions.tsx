import type { User } from '@/contracts/users';
import { Button } from '@/web/components/button';
import { ConfirmDialog } from '@/web/components/confirm-dialog';
import { useT } from '@/web/i18n/use-t';
import { useErrorMessages } from '@/web/lib/form-errors';
import { useResetUserTotp, useSetUserStatus } from '../api';

export type UserAction = 'disable' | 'enable' | 'resetTotp';

export interface ActionRequest {
  user: User;
  action: UserAction;
}

interface UserActionButtonsProps {
  user: User;
  /** The current user: nobody disables themselves from this page. */
  selfId: string;
  onRequest: (request: ActionRequest) => void;
  /** Id of the element naming the user, so "Disable" is read with whom it applies to. */
  describedBy?: string;
}

export function UserActionButtons({ user, selfId, onRequest, describedBy }: UserActionButtonsProps) {
  const t = useT();
  const isSelf = user.id === selfId;
  return (
    <div className="actions">
      {isSelf ? null : user.status === 'active' ? (
        <Button variant="danger" aria-describedby={describedBy} onClick={() => onRequest({ user, action: 'disable' })}>
          {t('users.disable')}
        </Button>
      ) : (
        <Button variant="secondary" aria-describedby={describedBy} onClick={() => onRequest({ user, action: 'enable' })}>
          {t('users.enable')}
        </Button>
      )}
      {user.totpEnabled && !isSelf ? (
        <Button variant="secondary" aria-describedby={describedBy} onClick={() => onRequest({ user, action: 'resetTotp' })}>
          {t('users.resetTotp')}
        </Button>
      ) : null}
    </div>
  );
}

interface UserActionDialogProps {
  request: ActionRequest | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** One confirmation dialog for the page, filled in by whichever button asked. */
export function UserActionDialog({ request, onClose, onDone }: UserActionDialogProps) {
  const t = useT();
  const toMessages = useErrorMessages();
  const setStatus = useSetUserStatus();
  const resetTotp = useResetUserTotp();
  const action = request?.action ?? 'disable';
  const name = request?.user.displayName ?? '';
  const mutation = action === 'resetTotp' ? resetTotp : setStatus;

  const copy = {
    disable: { title: t('users.disableTitle', { name }), body: t('users.disableBody'), confirm: t('users.disable'), done: t('users.disabled', { name }) },
    enable: { title: t('users.enableTitle', { name }), body: t('users.enableBody'), confirm: t('users.enable'), done: t('users.enabled', { name }) },
    resetTotp: { title: t('users.resetTotpTitle', { name }), body: t('users.resetTotpBody'), confirm: t('users.resetTotp'), done: t('users.totpReset', { name }) },
  }[action];

  function close() {
    setStatus.reset();
    resetTotp.reset();
    onClose();
  }

  function confirm() {
    if (!request) return;
    const options = {
      onSuccess: () => {
        close();
        onDone(copy.done);
      },
    };
    if (request.action === 'resetTotp') resetTotp.mutate(request.user.id, options);
    else setStatus.mutate({ id: request.user.id, action: request.action }, options);
  }

  return (
    <ConfirmDialog
      open={request !== null}
      title={copy.title}
      confirmLabel={copy.confirm}
      danger={action !== 'enable'}
      pending={mutation.isPending}
      error={mutation.isError ? toMessages(mutation.error, []).form : null}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>{copy.body}</p>
    </ConfirmDialog>
  );
}
