// GET /api/sessions/:id/ics — the session's calendar file, for people of its event
import { getDb } from '@/db/client';
import { withAuth } from '@/lib/http/route';
import { sessionCalendar } from '@/lib/sessions/calendar';

export const GET = withAuth<{ params: Promise<{ sessionId: string }> }>(async (_req, { user, params }) => {
  const { filename, ics } = await sessionCalendar(getDb(), user, (await params).sessionId);
  return new Response(ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  });
});
