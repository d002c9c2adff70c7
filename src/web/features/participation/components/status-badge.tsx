import type { Participant } from '@/contracts/participation';
import { useT } from '@/web/i18n/use-t';

const badgeKind: Record<Participant['status'], string> = {
  nominated: 'badge--info',
  approved: 'badge--success',
  registered: 'badge--success',
  waitlisted: 'badge--warning',
  declined: 'badge--muted',
  cancelled: 'badge--muted',
};

/** A participant's status in words (colour only repeats it), with their place on the waitlist. */
export function StatusBadge({ participant }: { participant: Pick<Participant, 'status' | 'waitlistPosition'> }) {
  const t = useT();
  return (
    <span className={`badge ${badgeKind[participant.status]}`}>
      {t(`participation.status.${participant.status}`)}
      {participant.status === 'waitlisted' && participant.waitlistPosition ? ` (${t('participation.waitlistPosition', { position: participant.waitlistPosition })})` : null}
    </span>
  );
}
