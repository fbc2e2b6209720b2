// GET /api/sessions/:id/room — the stage (requests, who is on screen) and the People tab
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { withAuth } from '@/lib/http/route';
import { roomData } from '@/lib/sessions/room-data';

export const GET = withAuth<{ params: Promise<{ sessionId: string }> }>(async (_req, { user, params }) => {
  const data = await roomData(getDb(), user, (await params).sessionId);
  return NextResponse.json({ ok: true, ...data }, { headers: { 'Cache-Control': 'no-store' } });
});
