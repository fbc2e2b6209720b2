// POST /api/desks/conversations/:id/messages — write in a desk conversation (re-opens a closed one)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { postDeskMessage } from '@/lib/desks/post-desk-message';
import { readJson, withAuth } from '@/lib/http/route';

export const POST = withAuth<{ params: Promise<{ conversationId: string }> }>(async (req, { params, user }) => {
  const { conversationId } = await params;
  const body = (await readJson(req)) as { body?: unknown } | null;
  return NextResponse.json({ ok: true, ...(await postDeskMessage(getDb(), user, { conversationId, body: body?.body })) }, { status: 201 });
});
