import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { AttendanceFilter, AttendanceList, AttendanceSummary } from '@/components/admin/attendance-list';
import { ManageNav } from '@/components/admin/manage-nav';
import { LiveRefresh } from '@/components/live/use-live-refresh';
import { Alert, Card, EmptyState } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { loadEventForPage } from '@/app/_page/load-event';
import { eventChatAttendance, ZAttendanceFilter } from '@/lib/chats/attendance-queries';
import { VIDEO_NOT_CONFIGURED, videoConfig } from '@/lib/video/video-config';

export const metadata: Metadata = { title: '1-1 Chat attendance' };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ show?: string | string[] }> };

export default async function ManageChatsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { show: rawShow } = await searchParams;
  const { event, user, canManage } = await loadEventForPage(slug);
  if (!canManage) return <NoAccess what="Only organizers of this event can see its 1-1 chats." backHref={`/events/${event.slug}`} signInTo={user ? undefined : `/events/${event.slug}/manage/chats`} />;
  // An unknown ?show= shows everything with a note, rather than an error page.
  const parsed = ZAttendanceFilter.safeParse(rawShow || 'all');
  const filter = parsed.success ? parsed.data : 'all';
  const { summary, chats } = await eventChatAttendance(getDb(), user, event.id, filter);
  const hasAny = summary.confirmed + summary.completed + summary.cancelled > 0;
  return (
    <div className="stack">
      {/* Attendance webhooks and completions publish here, so the page follows a live call. */}
      <LiveRefresh topics={[`event-admin:${event.id}`]} />
      <ManageNav slug={event.slug} current="chats" />
      {/* The organizer is who can have it fixed: the configuration hint is shown here, not to talents. */}
      {!videoConfig() ? (
        <Alert tone="warn">
          <strong>Video is not configured.</strong> {VIDEO_NOT_CONFIGURED}
        </Alert>
      ) : null}
      {hasAny ? (
        <Card>
          <h2>1-1 Chats</h2>
          <p className="muted small">Who came to the video calls, from the call service. Times in {event.timeZone}.</p>
          <div className="stack">
            <AttendanceSummary summary={summary} />
            <AttendanceFilter slug={event.slug} current={filter} />
            {!parsed.success ? <Alert tone="warn">That filter is unknown, so all chats are shown.</Alert> : null}
          </div>
        </Card>
      ) : null}
      {chats.length > 0 ? (
        <AttendanceList chats={chats} timeZone={event.timeZone} />
      ) : filter === 'no-shows' ? (
        <EmptyState title="No no-shows">
          <p>Everyone came to their completed video chats so far.</p>
        </EmptyState>
      ) : hasAny ? (
        // The counts above are not zero (only cancelled chats so far): "no chats yet" would contradict them.
        <EmptyState title="No confirmed or completed chats">
          <p>Cancelled chats are counted above but not listed. Confirmed and completed chats appear here, with who joined each call and for how long.</p>
        </EmptyState>
      ) : (
        <EmptyState title="No 1-1 chats yet">
          <p>Confirmed and completed chats appear here, with who joined each call and for how long.</p>
        </EmptyState>
      )}
    </div>
  );
}
