import { Page } from '@/web/components/page';
import { useT } from '@/web/i18n/use-t';
import { useCurrentUser } from '@/web/lib/session';
import { ChangePasswordSection } from '../components/change-password-section';
import { ProfileSection } from '../components/profile-section';
import { SessionsSection } from '../components/sessions-section';
import { TwoFactorSection } from '../components/two-factor-section';
import { NotificationSettings } from '@/web/features/notifications/components/notification-settings';

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
      <NotificationSettings />
    </Page>
  );
}
