import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Check your e-mail' };

export default function CheckEmailPage() {
  const demo = env().demoLogin;
  return (
    <div className="stack">
      <PageHeader title="Check your e-mail" />
      <Card>
        <p>We sent you a sign-in link. Open it on this device to continue; it expires in 24 hours.</p>
        <p className="muted">No mail? Check your spam folder, or <Link href="/signin">ask for a new link</Link>.</p>
        {demo ? (
          <p>
            Demo mode: a link sent to a test address (example.com, *.test) is also shown in the <Link href="/outbox">outbox</Link> —
            open the newest mail there. Links to real addresses go to their mailbox only.
          </p>
        ) : null}
      </Card>
    </div>
  );
}
