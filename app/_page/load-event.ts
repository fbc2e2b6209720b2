import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { canManageEvent, canViewEvent, rolesInEvent } from '@/lib/events/permissions';
import { getEventBySlug } from '@/lib/events/queries';
import { currentUser } from './current-user';

/** The event behind a page's [slug], with the viewer's standing; 404 when hidden from them. */
export const loadEventForPage = cache(async (slug: string) => {
  const db = getDb();
  const [event, user] = await Promise.all([getEventBySlug(db, slug), currentUser()]);
  if (!event || !(await canViewEvent(db, user, event))) notFound();
  const [roles, canManage] = user
    ? await Promise.all([rolesInEvent(db, user.id, event.id), canManageEvent(db, user, event.id)])
    : [[], false];
  return { event, user, roles, canManage };
});
