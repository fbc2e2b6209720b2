// GET, POST /api/chats/:chatId/messages — the chat panel of a 1-1 chat's call, stored with the chat
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { listChatMessages, postChatMessage } from '@/lib/video/chat-messages';

type Ctx = { params: Promise<{ chatId: string }> };

export const GET = withAuth<Ctx>(async (_req, { user, params }) => {
  const { chatId } = await params;
  return NextResponse.json({ ok: true, items: await listChatMessages(getDb(), user, chatId) });
});

export const POST = withAuth<Ctx>(async (req, { user, params }) => {
  const { chatId } = await params;
  const body = (await readJson(req)) as Record<string, unknown> | null;
  return NextResponse.json({ ok: true, ...(await postChatMessage(getDb(), user, { ...body, chatId })) }, { status: 201 });
});
