// GET /api/sessions/:id/breakouts — the caller's view of the breakout rooms; POST — one breakout action (docs/breakouts.md)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { breakoutAction } from '@/lib/breakouts/actions';
import { breakoutView } from '@/lib/breakouts/view';
import { readJson, withAuth } from '@/lib/http/route';

type Ctx = { params: Promise<{ sessionId: string }> };

export const GET = withAuth<Ctx>(async (_req, { user, params }) => {
  const view = await breakoutView(getDb(), user, (await params).sessionId);
  return NextResponse.json({ ok: true, ...view }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = withAuth<Ctx>(async (req, { user, params }) => {
  const result = await breakoutAction(getDb(), user, (await params).sessionId, await readJson(req));
  return NextResponse.json({ ok: true, ...result });
});
