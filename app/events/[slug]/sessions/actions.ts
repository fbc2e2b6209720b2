'use server';
import { getDb } from '@/db/client';
import { authedAction } from '@/app/_action/authed-action';
import { editDescription } from '@/lib/sessions/edit-description';
import { cancelSignUp, signUp } from '@/lib/sessions/sign-up';

export const signUpAction = authedAction(async (user, sessionId: string) => signUp(getDb(), user, sessionId));
export const cancelSignUpAction = authedAction(async (user, sessionId: string) => cancelSignUp(getDb(), user, sessionId));
export const editDescriptionAction = authedAction(async (user, input: { sessionId: string; description: string }) => editDescription(getDb(), user, input));
