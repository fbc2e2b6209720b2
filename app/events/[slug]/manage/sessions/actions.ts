'use server';
import { getDb } from '@/db/client';
import { authedAction } from '@/app/_action/authed-action';
import { cancelSession, createSession, updateSession } from '@/lib/sessions/save-session';

export const createSessionAction = authedAction(async (user, eventId: string, input: unknown) => createSession(getDb(), user, eventId, input));
export const updateSessionAction = authedAction(async (user, sessionId: string, input: unknown) => updateSession(getDb(), user, sessionId, input));
export const cancelSessionAction = authedAction(async (user, sessionId: string) => cancelSession(getDb(), user, sessionId));
