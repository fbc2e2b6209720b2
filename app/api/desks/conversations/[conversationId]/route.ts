// GET /api/desks/conversations/:id — the participant's view of their desk conversation (queue or moderator)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { participantView } from '@/lib/desks/participant-view';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ conversationId: string }> }>(async (_req, { params, user }) => {
  const { conversationId } = await params;
  return NextResponse.json({ ok: true, view: await participantView(getDb(), user, { conversationId }) });
});
