// GET /api/desks/:deskId/tags?prefix= — the desk's earlier tags that start with what a moderator typed
import { NextResponse } from 'next/server';
import { getDb } from '@/db/client';
import { suggestTags } from '@/lib/desks/tag-conversation';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ deskId: string }> }>(async (req, { params, user }) => {
  const { deskId } = await params;
  const prefix = new URL(req.url).searchParams.get('prefix') ?? '';
  return NextResponse.json({ ok: true, tags: await suggestTags(getDb(), user, { deskId, prefix }) });
});
