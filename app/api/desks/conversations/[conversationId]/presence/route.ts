// POST /api/desks/conversations/:id/presence — the participant's page is open ({ present: true }) or gone
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { markPresence } from '@/lib/desks/presence';
import { readJson, withAuth } from '@/lib/http/route';

export const POST = withAuth<{ params: Promise<{ conversationId: string }> }>(async (req, { params, user }) => {
  const { conversationId } = await params;
  const body = (await readJson(req)) as { present?: unknown } | null;
  await markPresence(getDb(), user, { conversationId, present: body?.present });
  return NextResponse.json({ ok: true });
});
