import { Page, Section } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { useCurrentUser } from '@/web/lib/session';
import { InvitationForm } from '../components/invitation-form';
import { InvitationList } from '../components/invitation-list';

export function InvitationsRoute() {
  const t = useT();
  const me = useCurrentUser();
  if (!me) return null;
  return (
    <Page title={t('invitations.title')} lead={me.role === 'member_coordinator' ? t('invitations.leadCoordinator') : t('invitations.lead')}>
      <Section title={t('invitations.formTitle')}>
        <InvitationForm me={me} />
      </Section>
      <Section title={t('invitations.listTitle')}>
        <InvitationList />
      </Section>
    </Page>
  );
}
