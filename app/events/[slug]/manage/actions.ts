'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { env } from '@/lib/env';
import { inviteCompany } from '@/lib/events/invite-company';
import { inviteRecruiter } from '@/lib/events/invite-recruiter';
import { EVENT_CONFLICTS } from '@/lib/events/schemas';
import { updateEvent } from '@/lib/events/update-event';
import { authedAction } from '@/lib/http/action';

async function origin(): Promise<string> {
  const configured = env().appUrl;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}

export const updateEventAction = authedAction(async (user, eventId: string, input: unknown) => {
  return updateEvent(getDb(), user, eventId, input);
}, EVENT_CONFLICTS);

export const inviteCompanyAction = authedAction(async (user, eventId: string, input: unknown) => {
  return inviteCompany(getDb(), user, eventId, input, await origin());
});

export const inviteRecruiterAction = authedAction(async (user, eventId: string, input: unknown) => {
  return inviteRecruiter(getDb(), user, eventId, input, await origin());
});
