import 'server-only';
import type { Db } from '@/db/client';
import { inTx } from '@/lib/tx/in-tx';
import { deliverLater } from './deliver-mail';
import { html } from './html';
import { queueMail } from './send-mail';

/** Stores the sign-in mail and queues its delivery: the request that asked for it never waits
 * on the SMTP server. */
export async function sendMagicLink(db: Db, email: string, url: string): Promise<void> {
  await inTx(db, async (tx, work) => {
    const id = await queueMail(tx, {
      to: email,
      kind: 'magic_link',
      subject: 'Your Fairground sign-in link',
      text: `Sign in to Fairground by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this mail.`,
      html: html`<p>Sign in to Fairground:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.</p>`.value,
    });
    deliverLater(work, [id]);
  });
}
