// POST /api/questions/:id/vote — { voted: true | false }: sets the caller's one vote
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { voteQuestion } from '@/lib/sessions/qa';

export const POST = withAuth<{ params: Promise<{ questionId: string }> }>(async (req, { user, params }) => {
  const body = await readJson(req);
  const result = await voteQuestion(getDb(), user, { ...(body as object), questionId: (await params).questionId });
  return NextResponse.json({ ok: true, ...result });
});
