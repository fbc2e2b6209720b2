import Link from 'next/link';
import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canReadOutbox, outboxScope } from '@/lib/mail/queries';
import { signOutAction } from '@/app/signin/actions';
import { NotificationBell } from './notification-bell';
import s from './layout.module.css';

export async function SiteHeader() {
  // Per-request: the header depends on the session, and must never be prerendered at build time.
  await connection();
  const user = await getCurrentUser();
  const showOutbox = canReadOutbox(await outboxScope(getDb(), user));
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
