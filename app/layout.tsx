import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { getReadDb } from '@/db/client';
import { SiteHeader } from '@/components/layout/site-header';
import { canReadOutbox, outboxScope } from '@/lib/mail/queries';
import { currentUser } from './_page/current-user';
import { signOutAction } from './signin/actions';
import { Providers } from '@/components/live/live-provider';
import './globals.css';

// Every page depends on the session and the database: nothing is prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Fairground', template: '%s · Fairground' },
  description: 'Virtual and hybrid career fairs: 1-1 chats, sessions and chat desks.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Per-request: the header depends on the session, and must never be prerendered at build time.
  await connection();
  const user = await currentUser();
  const showOutbox = canReadOutbox(await outboxScope(getReadDb(), user));
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers>
          <SiteHeader user={user} showOutbox={showOutbox} signOutAction={signOutAction} />
          <main id="main" className="container">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
