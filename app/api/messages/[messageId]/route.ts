// PATCH /api/messages/:messageId — flag, unflag, redact, hide or unhide one message of any conversation
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { actOnMessage } from '@/lib/threads';

type Ctx = { params: Promise<{ messageId: string }> };

export const PATCH = withAuth<Ctx>(async (req, { user, params }) => {
  const { messageId } = await params;
  const body = (await readJson(req)) as Record<string, unknown> | null;
  return NextResponse.json({ ok: true, ...(await actOnMessage(getDb(), user, { action: body?.action, messageId })) });
});
