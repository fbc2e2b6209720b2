import 'server-only';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { hotRead } from '@/db/hot-read';
import { companies, companyFaqs, companyJobs, companyMembers, eventCompanies, profiles, users } from '@/db/schema';

export type TCompany = typeof companies.$inferSelect;

/** How many companies take part in the event (the lobby shows the number, not the list). */
// The lobby reads it on every request: built once (db/hot-read.ts).
const companyCountQuery = hotRead((db) => db.select({ n: count() }).from(eventCompanies).where(eq(eventCompanies.eventId, sql.placeholder('event'))).prepare('company_count'));

export async function countEventCompanies(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await companyCountQuery(db, { event: eventId });
  return row?.n ?? 0;
}

export async function listEventCompanies(db: DbOrTx, eventId: string) {
  const recruiterCount = db
    .select({ companyId: companyMembers.companyId, n: count().as('n') })
    .from(companyMembers)
    .groupBy(companyMembers.companyId)
    .as('rc');
  const jobCount = db
    .select({ companyId: companyJobs.companyId, n: count().as('jobs') })
    .from(companyJobs)
    .groupBy(companyJobs.companyId)
    .as('jc');
  return db
    .select({ company: companies, recruiters: recruiterCount.n, jobs: jobCount.n })
    .from(eventCompanies)
    .innerJoin(companies, eq(companies.id, eventCompanies.companyId))
    .leftJoin(recruiterCount, eq(recruiterCount.companyId, companies.id))
    .leftJoin(jobCount, eq(jobCount.companyId, companies.id))
    .where(eq(eventCompanies.eventId, eventId))
    .orderBy(asc(companies.name));
}

export async function listAllCompanies(db: DbOrTx): Promise<TCompany[]> {
  return db.select().from(companies).orderBy(asc(companies.name));
}

/** A company's profile as shown inside one event; undefined when it does not take part. */
export async function getCompanyProfile(db: DbOrTx, eventId: string, companySlug: string) {
  const [row] = await db
    .select({ company: companies })
    .from(eventCompanies)
    .innerJoin(companies, eq(companies.id, eventCompanies.companyId))
    .where(and(eq(eventCompanies.eventId, eventId), eq(companies.slug, companySlug)));
  if (!row) return undefined;
  const id = row.company.id;
  const [faqs, jobs, recruiters] = await Promise.all([
    db.select().from(companyFaqs).where(eq(companyFaqs.companyId, id)).orderBy(asc(companyFaqs.position)),
    db.select().from(companyJobs).where(eq(companyJobs.companyId, id)).orderBy(asc(companyJobs.title)),
    db
      .select({ id: users.id, name: users.name, email: users.email, role: companyMembers.role, headline: profiles.headline })
      .from(companyMembers)
      .innerJoin(users, eq(users.id, companyMembers.userId))
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(companyMembers.companyId, id))
      .orderBy(asc(users.name)),
  ]);
  return { company: row.company, faqs, jobs, recruiters };
}

/** Every member of every company in an event, for the organizer's overview. */
export async function listEventCompanyMembers(db: DbOrTx, eventId: string) {
  return db
    .select({ companyId: companies.id, userId: users.id, name: users.name, email: users.email, role: companyMembers.role, signedUp: users.emailVerified })
    .from(eventCompanies)
    .innerJoin(companies, eq(companies.id, eventCompanies.companyId))
    .innerJoin(companyMembers, eq(companyMembers.companyId, companies.id))
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(eventCompanies.eventId, eventId))
    .orderBy(asc(users.name));
}
