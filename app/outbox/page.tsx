import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { OutboxList } from '@/components/admin/outbox-list';
import { Alert, PageHeader } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { getCurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { listOutbox } from '@/lib/mail/queries';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const user = await getCurrentUser();
  const mails = await listOutbox(getDb(), user);
  if (!mails) return <NoAccess what="The outbox is for organizers." backHref="/" />;
  const e = env();
  return (
    <div className="stack">
      <PageHeader title="Outbox" subtitle="Every mail Fairground writes, newest first." />
      {e.demoLogin ? <Alert tone="warn">Demo mode: everyone can read every mail here, including sign-in links.</Alert> : null}
      {!e.smtpUrl ? <Alert tone="info">No SMTP server is configured (SMTP_URL), so mails are stored here and not delivered.</Alert> : null}
      {/* Signed-out demo visitors read their magic link here too; the live list needs a session. */}
      <OutboxList initial={JSON.parse(JSON.stringify(mails))} live={!!user} />
    </div>
  );
}
