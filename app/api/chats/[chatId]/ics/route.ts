// GET /api/chats/:id/ics — a 1-1 chat's calendar file, for the people in the chat
import { getDb } from '@/db/client';
import { chatCalendar } from '@/lib/chats/chat-calendar';
import { withAuth } from '@/lib/http/route';

export const GET = withAuth<{ params: Promise<{ chatId: string }> }>(async (_req, { user, params }) => {
  const { filename, ics } = await chatCalendar(getDb(), user, (await params).chatId);
  return new Response(ics, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' },
  });
});
