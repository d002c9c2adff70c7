import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { useCurrentUser } from '@/web/lib/session';
import { ChangePasswordSection } from '../components/change-password-section';
import { ProfileSection } from '../components/profile-section';
import { SessionsSection } from '../components/sessions-section';
import { TwoFactorSection } from '../components/two-factor-section';

export function AccountRoute() {
  const t = useT();
  const user = useCurrentUser();
  // RequireAuth renders this page only with a user; the check keeps the types honest.
  if (!user) return null;
  return (
    <Page title={t('account.title')}>
      <ProfileSection user={user} />
      <SessionsSection />
      <ChangePasswordSection email={user.email} />
      <TwoFactorSection user={user} />
    </Page>
  );
}
