// GET /api/events/:id/summary — live counters for the lobby
import { NextResponse } from 'next/server';
import { getReadDb } from '@/db/client';
import { eventSummary } from '@/lib/events/event-summary';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ id: string }> }>(async (_req, { params, user }) => {
  return NextResponse.json(await eventSummary(getReadDb(), user, (await params).id));
});
