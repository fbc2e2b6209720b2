import 'server-only';
import { notFound } from 'next/navigation';
import type { ReactElement } from 'react';
import { NoAccess } from '@/components/ui/no-access';
import { AppError } from '@/lib/errors';

/**
 * The one way a page turns a read use-case's refusal into what the person sees: not_found and
 * a malformed id are the 404 page, forbidden and unauthorized the no-access page with the
 * use-case's own reason. Anything else (a database outage) stays an error — never a 404.
 */
export async function readForPage<T>(read: Promise<T>, backHref: string): Promise<{ ok: true; data: T } | { ok: false; page: ReactElement }> {
  try {
    return { ok: true, data: await read };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    if (err.code === 'not_found' || err.code === 'invalid_input') notFound();
    if (err.code === 'forbidden' || err.code === 'unauthorized') return { ok: false, page: <NoAccess what={err.message} backHref={backHref} /> };
    throw err;
  }
}
