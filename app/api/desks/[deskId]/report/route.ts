// GET /api/desks/:deskId/report[?transcript=1] — the desk report (or transcript) as CSV, audit-logged
import { getDb } from '@/db/client';
import { deskReport } from '@/lib/desks/desk-report';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ deskId: string }> }>(async (req, { params, user }) => {
  const { deskId } = await params;
  const transcript = new URL(req.url).searchParams.get('transcript') === '1';
  const { filename, csv } = await deskReport(getDb(), user, { deskId, transcript });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
});
