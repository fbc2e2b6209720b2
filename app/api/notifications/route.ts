// GET /api/notifications — the bell: unread count and the latest notifications of the caller
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { withAuth } from '@/lib/http/route';
import { countUnread, listNotifications } from '@/lib/notifications/queries';

export const GET = withAuth(async (req, { user }) => {
  const db = getDb();
  const unreadOnly = new URL(req.url).searchParams.get('unread') === '1';
  const unread = await countUnread(db, user.id);
  if (unreadOnly) return NextResponse.json({ unread });
  return NextResponse.json({ unread, items: await listNotifications(db, user.id) });
});
