// GET /api/sessions/:id/questions — the Q&A (hidden ones for hosts only); POST — ask a question
import { NextResponse } from 'next/server';
import { getDb, getReadDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { askQuestion, listQuestions } from '@/lib/sessions/qa';

type Ctx = { params: Promise<{ sessionId: string }> };

export const GET = withAuth<Ctx>(async (_req, { user, params }) => {
  const data = await listQuestions(getReadDb(), user, (await params).sessionId);
  return NextResponse.json({ ok: true, ...data }, { headers: { 'Cache-Control': 'no-store' } });
});

export const POST = withAuth<Ctx>(async (req, { user, params }) => {
  const body = await readJson(req);
  const result = await askQuestion(getDb(), user, { ...(body as object), sessionId: (await params).sessionId });
  return NextResponse.json({ ok: true, ...result });
});
