import { z } from 'zod';

/** Which conversation: the resource that owns it. The id is checked by the resource's parser. */
export const ZThreadRef = z.object({
  kind: z.string().regex(/^[a-z_]{1,20}$/, 'Unknown kind of conversation'),
  ownerId: z.string().max(64, 'Unknown conversation'),
});
export type TThreadRef = z.infer<typeof ZThreadRef>;

// A NUL character is refused by parseInput for every input (lib/validation.ts).
const ZBody = z.string().trim().min(1, 'Write a message first').max(2000, 'Keep a message under 2000 characters');

export const ZPostMessageInput = ZThreadRef.extend({ body: ZBody });
export type TPostMessageInput = z.infer<typeof ZPostMessageInput>;

/** A cursor read: messages after sequence number `after` (oldest first), or the newest `limit`. */
export const ZListMessagesInput = ZThreadRef.extend({
  after: z.coerce.number().int('The cursor is a message number').min(0, 'The cursor is a message number').optional(),
  limit: z.coerce.number().int().min(1, 'Ask for at least one message').max(200, 'Ask for at most 200 messages').default(100),
});
export type TListMessagesInput = z.input<typeof ZListMessagesInput>;

export const ZMessageActionInput = z.object({
  messageId: z.uuid({ message: 'Unknown message' }),
  action: z.enum(['flag', 'unflag', 'redact', 'hide', 'unhide'], { message: 'Choose flag, unflag, redact, hide or unhide' }),
});
export type TMessageActionInput = z.input<typeof ZMessageActionInput>;
