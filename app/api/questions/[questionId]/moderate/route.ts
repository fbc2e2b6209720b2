// POST /api/questions/:id/moderate — hosts: { action: answer | unanswer | hide | unhide | pin | unpin }
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { moderateQuestion } from '@/lib/sessions/qa';

export const POST = withAuth<{ params: Promise<{ questionId: string }> }>(async (req, { user, params }) => {
  const body = await readJson(req);
  const result = await moderateQuestion(getDb(), user, { ...(body as object), questionId: (await params).questionId });
  return NextResponse.json({ ok: true, ...result });
});
