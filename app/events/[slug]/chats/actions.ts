'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { bookDirect } from '@/lib/chats/book-direct';
import { confirmAvailability, updateChatSettings } from '@/lib/chats/chat-settings';
import { recruiterRequest } from '@/lib/chats/recruiter-request';
import { requestChat } from '@/lib/chats/request-chat';
import { acceptRequest, declineRequest } from '@/lib/chats/respond-to-request';
import { cancelChat, pickSlot, rescheduleChat } from '@/lib/chats/schedule-chat';
import { setAvailability } from '@/lib/chats/set-availability';
import { saveRecruiterNote } from '@/lib/chats/recruiter-note';
import { withdrawRequest } from '@/lib/chats/withdraw-request';
import { addChatColleague, removeChatColleague } from '@/lib/chats/chat-colleagues';
import { authedAction } from '@/app/_action/authed-action';
import { parseInput } from '@/lib/validation';

const ZEventId = z.uuid({ message: 'Unknown event' });

export const setAvailabilityAction = authedAction(async (user, input: unknown) => setAvailability(getDb(), user, input));
export const saveChatSettingsAction = authedAction(async (user, eventId: string, input: unknown) =>
  updateChatSettings(getDb(), user, parseInput(ZEventId, eventId), input),
);
export const confirmAvailabilityAction = authedAction(async (user, eventId: string, recruiterId?: string) =>
  confirmAvailability(getDb(), user, parseInput(ZEventId, eventId), recruiterId === undefined ? undefined : parseInput(z.string().min(1).max(64), recruiterId)),
);
export const bookDirectAction = authedAction(async (user, input: unknown) => bookDirect(getDb(), user, input));
export const requestChatAction = authedAction(async (user, eventId: string, input: unknown) => requestChat(getDb(), user, parseInput(ZEventId, eventId), input));
export const recruiterRequestAction = authedAction(async (user, eventId: string, input: unknown) =>
  recruiterRequest(getDb(), user, parseInput(ZEventId, eventId), input),
);
export const acceptRequestAction = authedAction(async (user, input: unknown) => acceptRequest(getDb(), user, input));
export const declineRequestAction = authedAction(async (user, input: unknown) => declineRequest(getDb(), user, input));
export const withdrawRequestAction = authedAction(async (user, input: unknown) => withdrawRequest(getDb(), user, input));
export const pickSlotAction = authedAction(async (user, input: unknown) => pickSlot(getDb(), user, input));
export const rescheduleChatAction = authedAction(async (user, input: unknown) => rescheduleChat(getDb(), user, input));
export const cancelChatAction = authedAction(async (user, input: unknown) => cancelChat(getDb(), user, input));
export const addChatColleagueAction = authedAction(async (user, input: unknown) => addChatColleague(getDb(), user, input));
export const removeChatColleagueAction = authedAction(async (user, input: unknown) => removeChatColleague(getDb(), user, input));
export const saveRecruiterNoteAction = authedAction(async (user, input: unknown) => saveRecruiterNote(getDb(), user, input));
