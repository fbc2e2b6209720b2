import Link from 'next/link';
import { NotificationBell } from './notification-bell';
import s from './layout.module.css';

/** The header; the layout reads who is signed in and passes the sign-out action in. */
export function SiteHeader({ user, showOutbox, signOutAction }: { user: { id: string; name: string | null; email: string | null } | null; showOutbox: boolean; signOutAction: () => Promise<void> }) {
  return (
    <header className={s.header}>
      <div className={`container ${s.inner}`}>
        <Link href="/" className={s.brand}>
          <span className={s.logo} aria-hidden="true" /> <span className={s.brandName}>Fairground</span>
        </Link>
        <nav className={s.nav} aria-label="Main">
          <Link href="/">Events</Link>
          {showOutbox ? <Link href="/outbox">Outbox</Link> : null}
          {user ? (
            <>
              <NotificationBell userId={user.id} />
              <Link href="/profile" className={s.person} title={user.name ?? user.email ?? 'Profile'}>{user.name ?? user.email ?? 'Profile'}</Link>
              <form action={signOutAction}>
                <button type="submit" className={s.linkButton}>
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin">Sign in</Link>
          )}
        </nav>
      </div>
    </header>
  );
}
