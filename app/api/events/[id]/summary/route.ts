// GET /api/events/:id/summary — live counters for the lobby
import { eq } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { events } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canViewEvent } from '@/lib/events/permissions';
import { countTalents } from '@/lib/events/queries';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (_req, { params, user }) => {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) throw new AppError('not_found', 'No such event.');
  const db = getDb();
  const [event] = await db.select({ id: events.id, status: events.status }).from(events).where(eq(events.id, id.data));
  if (!event || !(await canViewEvent(db, user, event))) throw new AppError('not_found', 'No such event.');
  return NextResponse.json({ talents: await countTalents(db, event.id) });
});
