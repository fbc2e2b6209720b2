// GET /api/events/:id/desk-board — a moderator's All Conversations (desks, waiting, open conversations)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { moderatorBoard } from '@/lib/desks/moderator-board';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (_req, { params, user }) => {
  const { id } = await params;
  return NextResponse.json({ ok: true, desks: await moderatorBoard(getDb(), user, { eventId: id }) });
});
