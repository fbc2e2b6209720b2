import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canManageEvent, canViewEvent, rolesInEvent } from './permissions';
import { getEventBySlug } from './queries';

/** The event behind a page's [slug], with the viewer's standing; 404 when hidden from them. */
export const loadEventForPage = cache(async (slug: string) => {
  const db = getDb();
  const [event, user] = await Promise.all([getEventBySlug(db, slug), getCurrentUser()]);
  if (!event || !(await canViewEvent(db, user, event))) notFound();
  const [roles, canManage] = user
    ? await Promise.all([rolesInEvent(db, user.id, event.id), canManageEvent(db, user, event.id)])
    : [[], false];
  return { event, user, roles, canManage };
});
