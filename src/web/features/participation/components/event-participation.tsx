import '@/web/styles/participation.css';
import { Section } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { useCurrentUser } from '@/web/lib/session';
import { useMine } from '../api';
import { CoordinatorPanel } from './coordinator-panel';
import { MyRegistration } from './my-registration';
import { ParticipantList } from './participant-list';
import { SecretariatPanel } from './secretariat-panel';

/**
 * Who is invited and coming to one event (on the event page), by role: the secretariat invites and decides;
 * a Member coordinator nominates within their Members' quotas; an invited or approved person registers and
 * says whether they may be listed; registered participants see who else is coming. Signed-out visitors see
 * nothing here; the server applies the same rules to every call.
 */
export function EventParticipation({ eventId }: { eventId: string }) {
  const t = useT();
  const user = useCurrentUser();
  const mine = useMine(eventId, !!user);
  if (!user) return null;
  const secretariat = user.role === 'secretariat_admin' || user.role === 'secretariat_staff';
  const coordinator = user.role === 'member_coordinator';
  const registered = mine.data?.participant?.status === 'registered';
  const hasOwn = !!mine.data && (mine.data.participant !== null || mine.data.invited);
  if (!secretariat && !coordinator && !hasOwn) return null;
  return (
    <Section title={t('participation.title')}>
      <div className="participation">
        {secretariat ? <SecretariatPanel eventId={eventId} /> : null}
        {coordinator ? <CoordinatorPanel eventId={eventId} /> : null}
        {mine.data && hasOwn ? <MyRegistration eventId={eventId} mine={mine.data} /> : null}
        {registered && !secretariat && !coordinator ? <ParticipantList eventId={eventId} /> : null}
      </div>
    </Section>
  );
}
