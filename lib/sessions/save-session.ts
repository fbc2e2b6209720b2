import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { eventCompanies, events, registrations, sessionHosts, sessionRegistrations, eventSessions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { canManageEvent, type TActor } from '@/lib/events/permissions';
import { publishHint, publishHints } from '@/lib/live/publish';
import { topics } from '@/lib/live/topics';
import { zonedInstant } from '@/lib/time/format';
import { parseInput } from '@/lib/validation';
import { closeLiveRound } from '@/lib/breakouts/round-status';
import { announceSession } from './announce';
import { roomAccessChanged } from './hints';
import { loadSession, type TSession } from './permissions';
import { inSessionTx } from './session-tx';
import { promoteWaitlisted } from './waitlist';
import { ZSessionId, ZSessionInput, type TSessionInput } from './schemas';

async function requireOrganizer(db: Db, actor: TActor | null, eventId: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageEvent(db, actor, eventId))) throw new AppError('forbidden', 'Only organizers of this event can create, edit or cancel its eventSessions.');
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new AppError('not_found', 'This event does not exist.');
  return event;
}

/** The session's columns from the form, with the hosts and company checked against the event. */
async function columnsOf(tx: Tx, event: typeof events.$inferSelect, data: TSessionInput) {
  if (data.companyId) {
    const [taking] = await tx.select({ id: eventCompanies.companyId }).from(eventCompanies).where(and(eq(eventCompanies.eventId, event.id), eq(eventCompanies.companyId, data.companyId)));
    if (!taking) throw new AppError('invalid_input', 'That company does not take part in this event.', { companyId: 'Pick a company of this event' });
  }
  const hosts = await tx.selectDistinct({ id: registrations.userId }).from(registrations).where(and(eq(registrations.eventId, event.id), inArray(registrations.userId, data.hostIds)));
  if (hosts.length !== new Set(data.hostIds).size) throw new AppError('invalid_input', 'Every host must be registered for this event.', { hostIds: 'Pick hosts registered for this event' });
  return {
    title: data.title,
    description: data.description,
    kind: data.kind,
    companyId: data.companyId,
    startsAt: zonedInstant(data.date, data.startTime, event.timeZone),
    endsAt: zonedInstant(data.endTime > data.startTime ? data.date : nextDate(data.date), data.endTime, event.timeZone),
    capacity: data.capacity,
    signUpRequired: data.signUpRequired,
    questionsNeedApproval: data.questionsNeedApproval,
    stageLimit: data.stageLimit,
    breakoutRoomLimit: data.breakoutRoomLimit,
  };
}

const nextDate = (isoDate: string) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function replaceHosts(tx: Tx, sessionId: string, hostIds: string[]) {
  await tx.delete(sessionHosts).where(eq(sessionHosts.sessionId, sessionId));
  await tx.insert(sessionHosts).values([...new Set(hostIds)].map((userId) => ({ sessionId, userId })));
}

/** An organizer adds a session to the event's programme. */
export async function createSession(db: Db, actor: TActor | null, eventId: string, input: unknown): Promise<{ sessionId: string }> {
  const event = await requireOrganizer(db, actor, eventId);
  const data = parseInput(ZSessionInput, input);
  return inSessionTx(db, async (tx) => {
    const [row] = await tx.insert(eventSessions).values({ ...(await columnsOf(tx, event, data)), eventId, createdBy: actor!.id }).returning({ id: eventSessions.id });
    await replaceHosts(tx, row!.id, data.hostIds);
    await recordAudit(tx, { eventId, actorId: actor!.id, action: 'session.created', targetType: 'session', targetId: row!.id, details: { title: data.title } });
    await publishHint(tx, topics.event(eventId), { session: row!.id });
    return { sessionId: row!.id };
  });
}

/**
 * An organizer edits a session. A larger capacity seats waitlisted people at once; a smaller
 * one than the seats already taken is refused by the database (event_sessions_seats_within_capacity).
 * A new time tells everyone signed up, with the updated calendar entry.
 */
export async function updateSession(db: Db, actor: TActor | null, sessionId: unknown, input: unknown): Promise<{ sessionId: string }> {
  const id = parseInput(ZSessionId, sessionId);
  const before = await loadSession(db, id);
  const event = await requireOrganizer(db, actor, before.eventId);
  const data = parseInput(ZSessionInput, input);
  return inSessionTx(db, async (tx, mails) => {
    // The lock keeps sign-ups out while seats and the waitlist are recounted.
    const locked = await loadSession(tx, id, true);
    if (locked.cancelledAt) throw new AppError('not_allowed_now', 'This session was cancelled; it can no longer be edited.');
    const columns = await columnsOf(tx, event, data);
    const moved = columns.startsAt.getTime() !== locked.startsAt.getTime() || columns.endsAt.getTime() !== locked.endsAt.getTime();
    const [row] = await tx
      .update(eventSessions)
      .set({ ...columns, updatedAt: new Date(), ...(moved ? { icsSequence: sql`${eventSessions.icsSequence} + 1` } : {}) })
      .where(eq(eventSessions.id, id))
      .returning();
    const hostsBefore = (await tx.select({ userId: sessionHosts.userId }).from(sessionHosts).where(eq(sessionHosts.sessionId, id))).map((h) => h.userId);
    await replaceHosts(tx, id, data.hostIds);
    const hostsChanged = hostsBefore.length !== new Set(data.hostIds).size || hostsBefore.some((h) => !data.hostIds.includes(h));
    const promoted = await promoteWaitlisted(tx, row!);
    if (promoted.length) mails.push(...(await announceSession(tx, row!, event, promoted, 'promoted')));
    if (moved) {
      const signed = await signedUpIds(tx, id, promoted);
      mails.push(...(await announceSession(tx, row!, event, signed, 'moved')));
    }
    await recordAudit(tx, { eventId: event.id, actorId: actor!.id, action: 'session.updated', targetType: 'session', targetId: id, details: { title: data.title } });
    await publishHint(tx, topics.event(event.id), { session: id });
    await publishHint(tx, topics.session(id), { session: id });
    // Who may be in the room (and who moderates it) may have changed.
    if (hostsChanged || locked.signUpRequired !== row!.signUpRequired || locked.companyId !== row!.companyId) await publishHints(tx, roomAccessChanged(id));
    return { sessionId: id };
  });
}

async function signedUpIds(tx: Tx, sessionId: string, except: string[] = []): Promise<string[]> {
  const rows = await tx
    .select({ userId: sessionRegistrations.userId })
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), ne(sessionRegistrations.status, 'cancelled')));
  return rows.map((r) => r.userId).filter((u) => !except.includes(u));
}

/** An organizer cancels a session: everyone signed up and every host is told (notification + METHOD:CANCEL mail). */
export async function cancelSession(db: Db, actor: TActor | null, sessionId: unknown): Promise<{ told: number }> {
  const id = parseInput(ZSessionId, sessionId);
  const before = await loadSession(db, id);
  const event = await requireOrganizer(db, actor, before.eventId);
  return inSessionTx(db, async (tx, mails, work) => {
    const [row] = await tx
      .update(eventSessions)
      .set({ cancelledAt: new Date(), updatedAt: new Date(), icsSequence: sql`${eventSessions.icsSequence} + 1` })
      .where(and(eq(eventSessions.id, id), sql`${eventSessions.cancelledAt} is null`))
      .returning();
    if (!row) throw new AppError('not_allowed_now', 'This session is already cancelled.');
    await closeLiveRound(tx, work, id, row.cancelledAt!);
    const hosts = await tx.select({ userId: sessionHosts.userId }).from(sessionHosts).where(eq(sessionHosts.sessionId, id));
    const told = [...new Set([...(await signedUpIds(tx, id)), ...hosts.map((h) => h.userId)])];
    mails.push(...(await announceSession(tx, row as TSession, event, told, 'cancelled')));
    await recordAudit(tx, { eventId: event.id, actorId: actor!.id, action: 'session.cancelled', targetType: 'session', targetId: id, details: { title: row.title } });
    await publishHint(tx, topics.event(event.id), { session: id });
    await publishHint(tx, topics.session(id), { session: id });
    return { told: told.length };
  });
}
