import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, companyMembers, eventCompanies, registrations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { canManageEvent, type TActor } from '@/lib/events/permissions';
import { displayName } from '@/lib/profiles/display-name';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { listProgramme, type TSessionCard } from './queries';

export type THostCandidate = { id: string; name: string; company: string | null };

/** People who may host: everyone registered for the event, recruiters labelled with their company. */
async function hostCandidates(db: DbOrTx, eventId: string): Promise<THostCandidate[]> {
  const rows = await db
    .selectDistinctOn([users.id], { id: users.id, name: displayName(), company: companies.name })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(companyMembers, eq(companyMembers.userId, users.id))
    .leftJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, eventId)))
    .leftJoin(companies, eq(companies.id, eventCompanies.companyId))
    .where(eq(registrations.eventId, eventId))
    .orderBy(users.id, asc(companies.name));
  return rows.sort((a, b) => (a.company ?? '~').localeCompare(b.company ?? '~') || a.name.localeCompare(b.name));
}

/** The session form's values for an existing session (times back in the event's zone). */
export function formValuesOf(card: TSessionCard, timeZone: string, hostIds: string[]) {
  const s = card.session;
  const inZone = { in: tz(timeZone) };
  return {
    title: s.title,
    description: s.description,
    kind: s.kind,
    companyId: s.companyId ?? '',
    date: format(s.startsAt, 'yyyy-MM-dd', inZone),
    startTime: format(s.startsAt, 'HH:mm', inZone),
    endTime: format(s.endsAt, 'HH:mm', inZone),
    capacity: s.capacity === null ? '' : String(s.capacity),
    signUpRequired: s.signUpRequired,
    questionsNeedApproval: s.questionsNeedApproval,
    stageLimit: String(s.stageLimit),
    breakoutRoomLimit: String(s.breakoutRoomLimit),
    hostIds,
  };
}
export type TSessionFormValues = ReturnType<typeof formValuesOf>;

/** The organizer's sessions page: every session with its form values, and who may host. */
export async function manageSessionsData(db: DbOrTx, actor: TActor | null, eventId: string, timeZone: string) {
  if (!actor) throw new AppError('unauthorized', 'Please sign in to continue.');
  if (!(await canManageEvent(db, actor, eventId))) throw new AppError('forbidden', 'Only organizers of this event can manage its sessions.');
  const [cards, candidates] = await Promise.all([listProgramme(db, eventId, null, {}), hostCandidates(db, eventId)]);
  return {
    candidates,
    sessions: cards.map((c) => ({ card: c, values: formValuesOf(c, timeZone, c.hosts.map((h) => h.id)) })),
  };
}
