// GET /api/sessions/:id/breakouts/history — the hosts' record of the closed breakout rounds (docs/breakouts.md)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { breakoutHistory } from '@/lib/breakouts/history';
import { withAuth } from '@/lib/http/route';

type Ctx = { params: Promise<{ sessionId: string }> };

export const GET = withAuth<Ctx>(async (_req, { user, params }) => {
  const history = await breakoutHistory(getDb(), user, (await params).sessionId);
  return NextResponse.json({ ok: true, ...history }, { headers: { 'Cache-Control': 'no-store' } });
});
