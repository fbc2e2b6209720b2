import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { OutboxList } from '@/components/admin/outbox-list';
import { Alert, PageHeader } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { currentUser } from '@/app/_page/current-user';
import { env } from '@/lib/env';
import { listOutbox, outboxScope, outboxTopicsOf } from '@/lib/mail/queries';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const user = await currentUser();
  const db = getDb();
  const mails = await listOutbox(db, user);
  if (!mails) return <NoAccess what="The outbox is for organizers." backHref="/" />;
  const e = env();
  return (
    <div className="stack">
      <PageHeader title="Outbox" subtitle="Every mail Fairground writes, newest first." />
      {e.demoLogin ? (
        <Alert tone="warn">
          Demo mode: everyone can read the mails to the demo people and to test addresses (example.com, *.test) here, sign-in
          links included. Mails to real addresses are delivered to their owners only.
        </Alert>
      ) : null}
      {!e.smtpUrl ? <Alert tone="info">No SMTP server is configured (SMTP_URL), so mails are stored here and not delivered.</Alert> : null}
      {/* Signed-out demo visitors read their magic link here too; the live list needs a session. */}
      <OutboxList initial={JSON.parse(JSON.stringify(mails))} topics={user ? outboxTopicsOf(await outboxScope(db, user)) : []} />
    </div>
  );
}
