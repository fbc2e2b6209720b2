// GET /api/events/:id/chats/open-recruiters?recruiters=<id,…> — a talent's view of the open recruiters and free slots
import { NextResponse } from 'next/server';
import { getReadDb } from '@/db/client';
import { openRecruitersFor } from '@/lib/chats/open-recruiters';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (req, { params, user }) => {
  const recruiters = new URL(req.url).searchParams.get('recruiters') ?? undefined;
  const data = await openRecruitersFor(getReadDb(), user, { eventId: (await params).id, recruiters });
  return NextResponse.json({ ok: true, ...data }, { headers: { 'Cache-Control': 'no-store' } });
});
