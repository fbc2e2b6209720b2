// POST /api/stage-requests/:id — a host accepts, declines, or moves someone back to the audience
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { hostStageDecision } from '@/lib/sessions/stage-action';

export const POST = withAuth<{ params: Promise<{ requestId: string }> }>(async (req, { user, params }) => {
  const result = await hostStageDecision(getDb(), user, (await params).requestId, await readJson(req));
  return NextResponse.json({ ok: true, ...result });
});
