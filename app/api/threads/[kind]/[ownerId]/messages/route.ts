// GET, POST /api/threads/:kind/:ownerId/messages — a resource's conversation (?after=<seq>&limit=)
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { readJson, withAuth } from '@/lib/http/route';
import { listMessages, postMessage } from '@/lib/threads';

type Ctx = { params: Promise<{ kind: string; ownerId: string }> };

export const GET = withAuth<Ctx>(async (req, { user, params }) => {
  const { kind, ownerId } = await params;
  const q = new URL(req.url).searchParams;
  const page = await listMessages(getDb(), user, { kind, ownerId, after: q.get('after') ?? undefined, limit: q.get('limit') ?? undefined });
  return NextResponse.json({ ok: true, ...page });
});

export const POST = withAuth<Ctx>(async (req, { user, params }) => {
  const { kind, ownerId } = await params;
  const body = (await readJson(req)) as Record<string, unknown> | null;
  return NextResponse.json({ ok: true, ...(await postMessage(getDb(), user, { body: body?.body, kind, ownerId })) }, { status: 201 });
});
