// POST /api/sessions/:id/stage — the participant's own step: request, withdraw, ready (after the countdown), leave
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { stageAction } from '@/lib/sessions/stage-action';

export const POST = withAuth<{ params: Promise<{ sessionId: string }> }>(async (req, { user, params }) => {
  const result = await stageAction(getDb(), user, (await params).sessionId, await readJson(req));
  return NextResponse.json({ ok: true, ...result });
});
