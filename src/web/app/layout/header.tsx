import { Link, useLocation, useNavigate } from 'react-router';
import type { CurrentUser } from '@/contracts/auth';
import { Button } from '@/web/components/button';
import { useLogout } from '@/web/features/auth/api';
import type { MessageKey } from '@/web/i18n/en';
import { LanguageSwitcher } from '@/web/i18n/language-switcher';
import { useT } from '@/web/i18n/use-t';
import { can, type Area } from '@/web/lib/roles';
import { useSession } from '@/web/lib/session';

interface NavItem {
  to: string;
  label: MessageKey;
  /** Omitted: every signed-in user. */
  area?: Area;
  /** Also shown to visitors who are not signed in. */
  public?: boolean;
  end?: boolean;
}

const items: NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/directory', label: 'nav.directory', public: true },
  { to: '/directory/due', label: 'nav.directoryDue', area: 'directoryDue' },
  { to: '/directory/coverage', label: 'nav.directoryCoverage', area: 'directoryCoverage' },
  { to: '/directory/network', label: 'nav.directoryNetwork', public: true },
  { to: '/events', label: 'nav.events', public: true },
  { to: '/reports', label: 'nav.reports', public: true },
  { to: '/outcomes', label: 'nav.outcomes' },
  { to: '/library', label: 'nav.library', public: true },
  { to: '/practices', label: 'nav.practices', public: true },
  { to: '/dialogues', label: 'nav.dialogues' },
  { to: '/search', label: 'nav.search', public: true },
  { to: '/admin/users', label: 'nav.users', area: 'users' },
  { to: '/admin/invitations', label: 'nav.invitations', area: 'invitations' },
  { to: '/admin/outbox', label: 'nav.outbox', area: 'outbox' },
  { to: '/admin/audit', label: 'nav.audit', area: 'audit' },
  { to: '/account', label: 'nav.account' },
];

/** The item for this page: the longest match wins, so /directory/due marks "Due", not also "Directory". */
function currentItem(visible: readonly NavItem[], pathname: string): NavItem | undefined {
  const matches = visible.filter((i) => pathname === i.to || (!i.end && pathname.startsWith(i.to.endsWith('/') ? i.to : `${i.to}/`)));
  return matches.sort((a, b) => b.to.length - a.to.length)[0];
}

export function Header({ user }: { user: CurrentUser | null }) {
  const t = useT();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const logout = useLogout();
  // While the session loads, show neither a visitor's menu nor a "Sign in" link to someone signed in.
  const known = !useSession().isPending;
  // Until two-factor authentication is set up, the only useful place is its setup page.
  const visible = user
    ? user.mustEnrollTotp
      ? []
      : items.filter((i) => !i.area || can(user.role, i.area))
    : known
      ? items.filter((i) => i.public)
      : [];
  const current = currentItem(visible, pathname);

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
          ) : known && pathname !== '/sign-in' ? (
            <Link to="/sign-in" className="header__sign-in" state={{ from: pathname + search }}>
              {t('header.signIn')}
            </Link>
          ) : null}
        </div>
      </div>
      {visible.length > 0 ? (
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {visible.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item === current ? 'page' : undefined}>
                  {t(item.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
