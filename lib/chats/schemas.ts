import { z } from 'zod';

const ZId = z.uuid({ message: 'Unknown item' });
const ZText = (max: number, label: string) => z.string().trim().max(max, `Keep ${label} under ${max} characters`).default('');

export const ZSetAvailabilityInput = z.object({
  eventDayId: ZId,
  recruiterId: z.string().min(1).max(64).optional(),
  durationMinutes: z.coerce.number({ message: 'Pick a duration' }).int().positive('Pick a duration'),
  startTimes: z.array(z.iso.datetime({ offset: true, message: 'Unknown slot time' })).max(200, 'Too many slots'),
  // Only on hybrid days; elsewhere the organizer's mode applies.
  mode: z.enum(['virtual', 'in_person'], { message: 'Choose virtual or in person' }).optional(),
});

export const ZChatSettingsInput = z.object({
  recruiterId: z.string().min(1).max(64).optional(),
  bookingMode: z.enum(['direct', 'selective'], { message: 'Choose Direct or Selective Booking' }),
  background: ZText(300, 'the background'),
  experienceLevel: ZText(100, 'the experience level'),
  languages: z
    .string()
    .max(300, 'List fewer languages')
    .default('')
    .transform((s) => [...new Set(s.split(',').map((l) => l.trim()).filter(Boolean))]),
  topics: ZText(500, 'the topics'),
  customQuestion: ZText(300, 'the question'),
});

export const ZBookDirectInput = z.object({ slotId: ZId, answer: ZText(1000, 'your answer') });

// A request is a recruiter's only reason to say yes: a few words are asked for, not a blank.
export const MIN_REQUEST_MESSAGE = 10;
export const ZTalentRequestInput = z.object({
  recruiterId: z.string().min(1, 'Pick a recruiter').max(64),
  message: z
    .string({ message: 'Write a short message for the recruiter' })
    .trim()
    .min(MIN_REQUEST_MESSAGE, `Write a few words (at least ${MIN_REQUEST_MESSAGE} characters) about why you would like to talk`)
    .max(1000, 'Keep the message under 1000 characters'),
  answer: ZText(1000, 'your answer'),
});

export const ZRecruiterRequestInput = z.object({
  talentId: z.string().min(1, 'Pick a talent').max(64),
  // On behalf of a colleague; defaults to the sender.
  recruiterId: z.string().min(1).max(64).optional(),
  message: ZText(1000, 'the message'),
});

export const ZPickSlotInput = z.object({ chatId: ZId, slotId: ZId });
export const ZDeclineInput = z.object({
  chatId: ZId,
  message: z.string().trim().min(1, 'Write a short message for the talent').max(1000, 'Keep the message under 1000 characters'),
  suggestedRecruiterId: z.string().max(64).optional().transform((v) => v || undefined),
});
export const ZCancelInput = z.object({
  chatId: ZId,
  reason: z.string().trim().min(1, 'Tell the other side why').max(1000, 'Keep the reason under 1000 characters'),
});
export const ZChatIdInput = z.object({ chatId: ZId });

/** A person's id as it appears in URLs (demo people have readable ids, others UUIDs). */
const ZUserId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Unknown person');
export const ZEventRead = z.object({ eventId: z.uuid({ message: 'Unknown event' }) });
/** `recruiters`: only these (a live hint named them), as a comma-separated list. */
export const ZOpenRecruitersRead = ZEventRead.extend({
  recruiters: z
    .string()
    .optional()
    .transform((s) => (s?.split(',').some(Boolean) ? s.split(',').filter(Boolean) : undefined))
    .pipe(z.array(ZUserId).max(50, 'Ask for at most 50 recruiters at once').optional()),
});
