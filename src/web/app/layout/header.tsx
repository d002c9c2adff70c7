import { Link, NavLink, useNavigate } from 'react-router';
import type { CurrentUser } from '@/contracts/auth';
import { Button } from '@/web/components/button';
import { useLogout } from '@/web/features/auth/api';
import type { MessageKey } from '@/web/i18n/en';
import { LanguageSwitcher } from '@/web/i18n/language-switcher';
import { useT } from '@/web/i18n/use-t';
import { can, type Area } from '@/web/lib/roles';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Omitted: every signed-in user. */
  area?: Area;
  end?: boolean;
}

const items: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/admin/users', label: 'nav.users', area: 'users' },
  { to: '/admin/invitations', label: 'nav.invitations', area: 'invitations' },
  { to: '/admin/outbox', label: 'nav.outbox', area: 'outbox' },
  { to: '/admin/audit', label: 'nav.audit', area: 'audit' },
  { to: '/account', label: 'nav.account' },
];

export function Header({ user }: { user: CurrentUser | null }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  // Until two-factor authentication is set up, the only useful place is its setup page.
  const visible = user && !user.mustEnrollTotp ? items.filter((i) => !i.area || can(user.role, i.area)) : [];

  return (
    <header className="header">
      <div className="header__bar">
        <Link to="/" className="header__brand">
          {t('app.name')}
        </Link>
        <div className="header__tools">
          <LanguageSwitcher />
          {user ? (
            <div className="header__user">
              <span className="header__name">{t('header.signedInAs', { name: user.displayName })}</span>
              <Button
                variant="secondary"
                className="button--on-dark"
                pending={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}
              >
                {t('header.signOut')}
              </Button>
            </div>
          ) : null}
        </div>
      </div>
      {visible.length > 0 ? (
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
