import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { companies, companyMembers, profiles, users } from '@/db/schema';

export type TDemoPerson = { id: string; name: string; headline: string; group: 'Organizer' | 'Moderator' | 'Recruiters' | 'Talents'; company: string | null };

function groupOf(id: string): TDemoPerson['group'] {
  if (id === 'demo-organizer') return 'Organizer';
  if (id === 'demo-moderator') return 'Moderator';
  if (id.startsWith('demo-recruiter')) return 'Recruiters';
  return 'Talents';
}

/** The seeded people the demo sign-in offers (only is_demo accounts; never real ones). */
export async function listDemoPeople(db: DbOrTx): Promise<TDemoPerson[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, headline: profiles.headline, company: companies.name })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .leftJoin(companyMembers, eq(companyMembers.userId, users.id))
    .leftJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(eq(users.isDemo, true))
    .orderBy(asc(users.id));
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.id, headline: r.headline ?? '', company: r.company, group: groupOf(r.id) }));
}
