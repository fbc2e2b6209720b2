import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getReadDb } from '@/db/client';
import { eventStanding } from '@/lib/events/permissions';
import { getEventBySlug } from '@/lib/events/queries';
import { currentUser } from './current-user';

/** The event behind a page's [slug], with the viewer's standing; 404 when hidden from them. */
export const loadEventForPage = cache(async (slug: string) => {
  const db = getReadDb();
  const [event, user] = await Promise.all([getEventBySlug(db, slug), currentUser()]);
  if (!event) notFound();
  // One read of the viewer's registrations answers who may see the event, their roles, and whether they manage it.
  const { canView, roles, canManage } = await eventStanding(db, user, event);
  if (!canView) notFound();
  return { event, user, roles, canManage };
});
