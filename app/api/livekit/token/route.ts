// POST /api/livekit/token — a short LiveKit token for a 1-1 chat's room, for its people, at its time
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { issueChatToken } from '@/lib/video/issue-token';

export const POST = withAuth(async (req, { user }) => {
  const details = await issueChatToken(getDb(), user, await readJson(req));
  return NextResponse.json({ ok: true, ...details }, { headers: { 'Cache-Control': 'no-store' } });
});
