import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { companies, companyMembers, eventCompanies, registrations, users } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { html } from '@/lib/mail/html';
import { publicUrl } from '@/lib/mail/public-url';
import { queueMail } from '@/lib/mail/send-mail';

/** Finds or creates the account behind an e-mail; an invitee signs in with a magic link to it. */
export async function ensureUserByEmail(tx: Tx, email: string, name: string): Promise<string> {
  const [created] = await tx
    .insert(users)
    .values({ email, name: name || null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (created) return created.id;
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return existing!.id;
}

/**
 * Makes a person a recruiter of a company in an event. A person recruits for one company per
 * event: their chats, colleagues and admin rights there follow from that one membership.
 */
export async function addRecruiter(
  tx: Tx,
  p: { eventId: string; companyId: string; userId: string; role: 'admin' | 'recruiter' },
): Promise<void> {
  // Locks the person, so two invitations to two companies of one event cannot both pass the check.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, p.userId)).for('update');
  const [other] = await tx
    .select({ name: companies.name })
    .from(companyMembers)
    .innerJoin(eventCompanies, and(eq(eventCompanies.companyId, companyMembers.companyId), eq(eventCompanies.eventId, p.eventId)))
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    .where(and(eq(companyMembers.userId, p.userId), ne(companyMembers.companyId, p.companyId)))
    .limit(1);
  if (other) {
    throw new AppError('conflict', `This person already recruits for ${other.name} in this event, and a person recruits for one company per event.`, {
      email: `Already with ${other.name}`,
    });
  }
  await tx
    .insert(companyMembers)
    .values({ companyId: p.companyId, userId: p.userId, role: p.role })
    .onConflictDoUpdate({
      target: [companyMembers.companyId, companyMembers.userId],
      // An invitation never demotes an existing admin.
      set: { role: sql`case when ${companyMembers.role} = 'admin' then 'admin'::company_role else excluded.role end` },
    });
  await tx.insert(registrations).values({ eventId: p.eventId, userId: p.userId, role: 'recruiter' }).onConflictDoNothing();
}

export async function linkCompany(tx: Tx, eventId: string, companyId: string): Promise<boolean> {
  const rows = await tx.insert(eventCompanies).values({ eventId, companyId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function uniqueCompanySlug(tx: Tx, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'company';
  for (let i = 0; ; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const [taken] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.slug, slug));
    if (!taken) return slug;
  }
}

export async function queueInvitation(
  tx: Tx,
  p: { eventId: string; eventName: string; eventSlug: string; email: string; companyName: string; role: 'admin' | 'recruiter' },
): Promise<string> {
  const link = publicUrl(`/signin?email=${encodeURIComponent(p.email)}&callbackUrl=${encodeURIComponent(`/events/${p.eventSlug}`)}`);
  const what = p.role === 'admin' ? `manage ${p.companyName}` : `recruit for ${p.companyName}`;
  return queueMail(tx, {
    to: p.email,
    eventId: p.eventId,
    kind: 'invitation',
    subject: `You are invited to ${p.eventName} on Fairground`,
    text: `You have been invited to ${what} at ${p.eventName}.\n\nSign in with this e-mail address to get started:\n${link}\n`,
    html: html`<p>You have been invited to ${what} at <strong>${p.eventName}</strong>.</p><p><a href="${link}">Sign in to get started</a></p>`.value,
  });
}

export async function isMemberOf(tx: Tx, companyId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, userId)));
  return rows.length > 0;
}
