import 'server-only';
import { env } from '@/lib/env';

/**
 * The one way to build a link that leaves the site (mails, calendar files): the public origin
 * from AUTH_URL, never the host of whichever request happened to cause the mail — a job has
 * none, and a request's Host header is whatever the client sent.
 */
export function publicUrl(path: string): string {
  return `${env().publicOrigin}${path.startsWith('/') ? path : `/${path}`}`;
}
