import { formatInstant } from '@/lib/time/format';
import { joinWindow } from '@/lib/chats/join-window';
import { JoinButton } from './join-button';

/** The Join control of a confirmed video chat in any list; nothing for in-person chats. */
export function ChatJoin({ slug, chat, mode, event }: {
  slug: string;
  chat: { id: string; startsAt: Date | null; endsAt: Date | null };
  mode: 'virtual' | 'in_person' | null;
  event: { timeZone: string; joinOpensMinutesBefore: number };
}) {
  const window = joinWindow(chat, event);
  if (!window || mode === 'in_person') return null;
  return (
    <JoinButton
      href={`/events/${slug}/chats/${chat.id}/call`}
      opensAtIso={window.opensAt.toISOString()}
      closesAtIso={window.closesAt.toISOString()}
      // The zone is named: "15:05" alone reads differently for someone in another zone.
      opensLabel={`at ${formatInstant(window.opensAt, event.timeZone, { withDay: false })} (${event.timeZone})`}
    />
  );
}
