import { z } from 'zod';

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A desk as the organizer (or a company admin) sets it up; hours are read in the event's zone. */
export const ZDeskInput = z
  .object({
    eventId: z.uuid('Unknown event'),
    companyId: z.preprocess(blankToNull, z.uuid('Unknown company').nullable()).default(null),
    name: z.string().trim().min(2, 'Give the desk a name of at least 2 characters').max(80, 'Keep the name under 80 characters'),
    description: z.string().trim().max(2000, 'Keep the description under 2000 characters').default(''),
    welcomeMessage: z.string().trim().max(2000, 'Keep the welcome message under 2000 characters').default(''),
    date: z.iso.date({ message: 'Pick a date' }),
    opensAt: ZTime,
    closesAt: ZTime,
    limitPerModerator: z.coerce.number({ message: 'Enter a number' }).int('Enter a whole number').min(1, 'At least 1 conversation per moderator').max(20, 'At most 20 conversations per moderator'),
    retentionDays: z.coerce.number({ message: 'Enter a number' }).int('Enter a whole number').min(0, 'Use 0 or more days').max(3650, 'At most 3650 days'),
    filesAllowed: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).default(false),
    moderatorIds: z.array(z.string().min(1).max(64)).min(1, 'Pick at least one moderator').max(50, 'At most 50 moderators'),
  })
  .refine((d) => d.closesAt > d.opensAt, { message: 'Closing time must be after opening time', path: ['closesAt'] });
export type TDeskInput = z.infer<typeof ZDeskInput>;

export const ZDeskId = z.object({ deskId: z.uuid('Unknown desk') });
export const ZConversationId = z.object({ conversationId: z.uuid('Unknown conversation') });
export const ZCloseInput = z.object({ conversationId: z.uuid('Unknown conversation'), hard: z.boolean().default(false) });
export const ZConfidentialInput = z.object({ conversationId: z.uuid('Unknown conversation'), confidential: z.boolean() });
export const ZTagInput = z.object({
  conversationId: z.uuid('Unknown conversation'),
  name: z.string().trim().min(1, 'Type a tag').max(40, 'Keep tags under 40 characters'),
});
export const ZTagSuggestInput = z.object({ deskId: z.uuid('Unknown desk'), prefix: z.string().trim().max(40, 'Keep tags under 40 characters') });
export const ZEventRef = z.object({ eventId: z.uuid('Unknown event') });
