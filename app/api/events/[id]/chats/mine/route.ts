// GET /api/events/:id/chats/mine — a talent's own 1-1 chats and requests left
import { NextResponse } from 'next/server';
import { getReadDb } from '@/db/client';
import { talentChats } from '@/lib/chats/talent-chats';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (_req, { params, user }) => {
  const data = await talentChats(getReadDb(), user, { eventId: (await params).id });
  return NextResponse.json({ ok: true, ...data }, { headers: { 'Cache-Control': 'no-store' } });
});
