import type { Db } from '@/db/client';
import { html } from './html';
import { deliverMail, queueMail } from './send-mail';

export async function sendMagicLink(db: Db, email: string, url: string): Promise<void> {
  const id = await queueMail(db, {
    to: email,
    kind: 'magic_link',
    subject: 'Your Fairground sign-in link',
    text: `Sign in to Fairground by opening this link:\n\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this mail.`,
    html: html`<p>Sign in to Fairground:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this mail.</p>`.value,
  });
  await deliverMail(db, [id]);
}
