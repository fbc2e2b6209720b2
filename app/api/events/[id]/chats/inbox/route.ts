// GET /api/events/:id/chats/inbox — a recruiter's requests, chats, free slots and days (Manage 1-1 Chats)
import { NextResponse } from 'next/server';
import { getReadDb } from '@/db/client';
import { recruiterInbox } from '@/lib/chats/recruiter-inbox';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (_req, { params, user }) => {
  const data = await recruiterInbox(getReadDb(), user, { eventId: (await params).id });
  return NextResponse.json({ ok: true, ...data }, { headers: { 'Cache-Control': 'no-store' } });
});
