import 'server-only';
import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { chatRequests, companyMembers, profiles, registrations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TActor } from '@/lib/events/permissions';
import { EXPERIENCE_LEVELS } from '@/lib/profiles/schemas';
import { parseInput } from '@/lib/validation';
import { assertMayInitiate, initiateBlock, loadEvent, type TEventRow } from './chat-rules';
import { requireRecruiter } from './permissions';
import { companyRecruiters, OPEN_STATUSES } from './queries';

export const TALENTS_PER_PAGE = 24;
const EXCERPT = 240;

type TLevel = (typeof EXPERIENCE_LEVELS)[number]['value'];
const LEVEL_VALUES = EXPERIENCE_LEVELS.map((l) => l.value) as [TLevel, ...TLevel[]];

// Query-string input: empty strings mean "no filter", so a plain GET form can send every field.
export const ZTalentSearch = z.object({
  q: z.string().trim().max(100, 'Keep the search under 100 characters').default(''),
  experienceLevel: z
    .union([z.literal(''), z.enum(LEVEL_VALUES)], { message: 'Pick an experience level from the list' })
    .default('')
    .transform((v) => (v === '' ? null : v)),
  language: z.string().trim().max(40, 'Keep the language under 40 characters').default(''),
  page: z.coerce.number({ message: 'Unknown page' }).int('Unknown page').min(1, 'Unknown page').max(10_000, 'Unknown page').default(1),
});
export type TTalentSearch = z.input<typeof ZTalentSearch>;

export type TOpenChat = { recruiterId: string; recruiterName: string; status: (typeof OPEN_STATUSES)[number] };
export type TTalentCard = {
  id: string;
  name: string;
  headline: string;
  bioExcerpt: string;
  languages: string[];
  experienceLevel: TLevel | null;
  cvUrl: string | null;
  linkedinUrl: string | null;
  /** Open requests or chats between this talent and recruiters of the caller's company. */
  openWithCompany: TOpenChat[];
};

/** `%`, `_` and the escape character itself are literal in a search, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function excerpt(bio: string): string {
  const flat = bio.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:–-]+$/, '')}…`;
}

/** Why recruiters cannot start chats in this event right now, or null when they can. */
export function recruiterRequestBlock(event: Pick<TEventRow, 'status' | 'chatInitiation'>): string | null {
  return initiateBlock(event, 'recruiter')?.message ?? null;
}

/**
 * The event's talents as recruiters browse them, filtered and paginated, with what the
 * caller's company already has open with each. Talent profiles are for recruiters of the
 * same event only, so the check sits here rather than in the page.
 */
export async function searchTalents(db: DbOrTx, actor: TActor | null, eventId: string, input: unknown) {
  const mine = await requireRecruiter(db, actor, eventId);
  const filters = parseInput(ZTalentSearch, input);
  const event = await loadEvent(db, eventId);

  const conditions: SQL[] = [eq(registrations.eventId, eventId), eq(registrations.role, 'talent')];
  if (filters.experienceLevel) conditions.push(eq(profiles.experienceLevel, filters.experienceLevel));
  if (filters.language) {
    conditions.push(sql`exists (select 1 from unnest(${profiles.languages}) as lang where lower(lang) = lower(${filters.language}))`);
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(users.name, pattern), ilike(profiles.headline, pattern), ilike(profiles.bio, pattern))!);
  }
  const where = and(...conditions);

  const [totals] = await db
    .select({ n: count() })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(profiles, eq(profiles.userId, registrations.userId))
    .where(where);
  const total = totals?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / TALENTS_PER_PAGE));

  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      headline: profiles.headline,
      // Only what the card shows leaves the database; a bio may be 4000 characters.
      bio: sql<string | null>`left(${profiles.bio}, ${sql.raw(String(EXCERPT + 40))})`,
      languages: profiles.languages,
      experienceLevel: profiles.experienceLevel,
      cvUrl: profiles.cvUrl,
      linkedinUrl: profiles.linkedinUrl,
    })
    .from(registrations)
    .innerJoin(users, eq(users.id, registrations.userId))
    .leftJoin(profiles, eq(profiles.userId, registrations.userId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(TALENTS_PER_PAGE)
    .offset((filters.page - 1) * TALENTS_PER_PAGE);

  const open = rows.length
    ? await db
        .select({ talentId: chatRequests.talentId, recruiterId: chatRequests.recruiterId, recruiterName: users.name, status: chatRequests.status })
        .from(chatRequests)
        .innerJoin(users, eq(users.id, chatRequests.recruiterId))
        .where(
          and(
            eq(chatRequests.eventId, eventId),
            eq(chatRequests.companyId, mine.companyId),
            inArray(chatRequests.talentId, rows.map((r) => r.id)),
            inArray(chatRequests.status, [...OPEN_STATUSES]),
          ),
        )
    : [];

  const talents: TTalentCard[] = rows.map((r) => ({
    id: r.id,
    name: r.name ?? 'Talent',
    headline: r.headline ?? '',
    bioExcerpt: excerpt(r.bio ?? ''),
    languages: r.languages ?? [],
    experienceLevel: r.experienceLevel ?? null,
    cvUrl: r.cvUrl ?? null,
    linkedinUrl: r.linkedinUrl ?? null,
    openWithCompany: open
      .filter((o) => o.talentId === r.id)
      .map((o) => ({ recruiterId: o.recruiterId, recruiterName: o.recruiterName ?? 'A colleague', status: o.status as TOpenChat['status'] })),
  }));

  return {
    filters,
    talents,
    total,
    page: filters.page,
    pageCount,
    team: await requestSenders(db, eventId, mine.companyId, actor!.id),
    requestBlockedReason: recruiterRequestBlock(event),
  };
}

/** Who a request can be sent for: the caller first, then colleagues recruiting in this event. */
async function requestSenders(db: DbOrTx, eventId: string, companyId: string, selfId: string) {
  const team = (await companyRecruiters(db, eventId, companyId)).map((r) => ({ ...r, isSelf: r.id === selfId }));
  return [...team.filter((m) => m.isSelf), ...team.filter((m) => !m.isSelf)];
}
