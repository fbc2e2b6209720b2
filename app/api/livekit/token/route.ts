// POST /api/livekit/token — a short LiveKit token for a resource's room ({ kind, id }), for its people, when it is open
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { issueRoomToken } from '@/lib/resources';

export const POST = withAuth(async (req, { user }) => {
  const details = await issueRoomToken(getDb(), user, await readJson(req));
  return NextResponse.json({ ok: true, ...details }, { headers: { 'Cache-Control': 'no-store' } });
});
