import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { events, users } from '@/db/schema';
import { publicUrl } from '@/lib/mail/public-url';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { parseInput } from '@/lib/validation';
import { sessionHref } from './announce';
import { sessionIcs } from './ics';
import { requireSessionRole } from './permissions';
import { ZSessionId } from './schemas';

/** A session's calendar file for someone of its event (METHOD:CANCEL once it is cancelled). */
export async function sessionCalendar(db: DbOrTx, actor: TActor | null, sessionId: unknown): Promise<{ filename: string; ics: string }> {
  const id = parseInput(ZSessionId, sessionId);
  const { session, role } = await requireSessionRole(db, actor, id);
  if (role === null) throw new AppError('forbidden', 'Register for this event to add its sessions to your calendar.');
  const [[event], [me]] = await Promise.all([
    db.select({ slug: events.slug, name: events.name, timeZone: events.timeZone }).from(events).where(eq(events.id, session.eventId)),
    db.select({ email: users.email }).from(users).where(eq(users.id, actor!.id)),
  ]);
  const ics = sessionIcs(session, event!, { method: session.cancelledAt ? 'CANCEL' : 'REQUEST', url: publicUrl(sessionHref(event!.slug, id)), attendee: me?.email });
  return { filename: `session-${id.slice(0, 8)}.ics`, ics };
}
