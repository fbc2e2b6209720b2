'use server';
import { getDb } from '@/db/client';
import { inviteCompany } from '@/lib/events/invite-company';
import { inviteRecruiter } from '@/lib/events/invite-recruiter';
import { updateEvent } from '@/lib/events/update-event';
import { authedAction } from '@/app/_action/authed-action';

export const updateEventAction = authedAction(async (user, eventId: string, input: unknown) => {
  return updateEvent(getDb(), user, eventId, input);
});

export const inviteCompanyAction = authedAction(async (user, eventId: string, input: unknown) => {
  return inviteCompany(getDb(), user, eventId, input);
});

export const inviteRecruiterAction = authedAction(async (user, eventId: string, input: unknown) => {
  return inviteRecruiter(getDb(), user, eventId, input);
});
