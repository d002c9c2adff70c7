import { Page, Section } from '@/web/components/page';
import type { MessageKey } from '@/web/i18n/en';
import { useT } from '@/web/i18n/use-t';
import { useReference } from '@/web/lib/reference';
import { can, isScopedRole, type Area } from '@/web/lib/roles';
import { useCurrentUser } from '@/web/lib/session';

// Plain text, not links: the navigation already links these pages, and repeating links with
// the same names would give keyboard and screen-reader users two of everything.
const abilities: { area: Area; label: MessageKey; text: MessageKey }[] = [
  { area: 'invitations', label: 'nav.invitations', text: 'home.invitations' },
  { area: 'users', label: 'nav.users', text: 'home.users' },
  { area: 'outbox', label: 'nav.outbox', text: 'home.outbox' },
  { area: 'audit', label: 'nav.audit', text: 'home.audit' },
];

export function HomeRoute() {
  const t = useT();
  const user = useCurrentUser();
  const reference = useReference();
  if (!user) return null;
  const names = new Map((reference.data?.members ?? []).map((m) => [m.code, m.name]));
  const available = abilities.filter((a) => can(user.role, a.area));

  return (
    <Page title={t('home.title', { name: user.displayName })} lead={t('home.lead')}>
      <Section title={t('home.yourAccess')}>
        <dl className="details">
          <div>
            <dt>{t('field.role')}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
          </div>
          {isScopedRole(user.role) || user.memberScopes.length > 0 ? (
            <div>
              <dt>{t('scopes.label')}</dt>
              <dd>
                {user.memberScopes.length === 0 ? (
                  t('home.noScopes')
                ) : (
                  <ul className="inline-list">
                    {user.memberScopes.map((code) => (
                      <li key={code}>{names.get(code) ? `${names.get(code)} (${code})` : code}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ) : null}
        </dl>
      </Section>
      <Section title={t('home.whatNext')}>
        <p>{t('home.menuHint')}</p>
        <ul className="link-list">
          {available.map((a) => (
            <li key={a.area}>
              <strong>{t(a.label)}</strong>: {t(a.text)}
            </li>
          ))}
          <li>
            <strong>{t('nav.account')}</strong>: {t('home.account')}
          </li>
        </ul>
      </Section>
    </Page>
  );
}
