import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getReadDb } from '@/db/client';
import { eventBySlugWithStanding } from '@/lib/events/permissions';
import { currentUser } from './current-user';

/** The event behind a page's [slug], with the viewer's standing; 404 when hidden from them. */
export const loadEventForPage = cache(async (slug: string) => {
  const user = await currentUser();
  // One statement: the event and the viewer's registrations, which say who may see it, their roles, and whether they manage it.
  const found = await eventBySlugWithStanding(getReadDb(), slug, user);
  if (!found?.canView) notFound();
  const { event, roles, canManage } = found;
  return { event, user, roles, canManage };
});
