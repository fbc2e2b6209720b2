import { z } from 'zod';

export const SESSION_KINDS = ['workshop', 'presentation', 'coffee_chat'] as const;
export type TSessionKind = (typeof SESSION_KINDS)[number];
export const KIND_LABEL: Record<TSessionKind, string> = { workshop: 'Workshop', presentation: 'Company presentation', coffee_chat: 'Coffee chat' };

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30');

export const ZSessionId = z.uuid({ message: 'Unknown session' });

/** The organizer's session form. Times are wall-clock in the event's zone. */
export const ZSessionInput = z
  .object({
    title: z.string().trim().min(3, 'Give the session a title of at least 3 characters').max(140, 'Keep the title under 140 characters'),
    description: z.string().trim().max(4000, 'Keep the description under 4000 characters').default(''),
    kind: z.enum(SESSION_KINDS, { message: 'Pick workshop, company presentation or coffee chat' }),
    companyId: z.preprocess((v) => blankToUndefined(v) ?? null, z.union([z.null(), z.uuid({ message: 'Pick a company from the list' })])),
    date: z.iso.date({ message: 'Pick a day' }),
    startTime: ZTime,
    endTime: ZTime,
    // Blank means open to all (no seat limit).
    capacity: z.preprocess(
      (v) => blankToUndefined(v) ?? null,
      z.union([z.null(), z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(1, 'At least 1 seat').max(10_000, 'At most 10,000 seats')]),
    ),
    signUpRequired: z.coerce.boolean().default(false),
    questionsNeedApproval: z.coerce.boolean().default(false),
    stageLimit: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(0, 'Use 0 or more').max(12, 'At most 12 on screen').default(4),
    ),
    breakoutRoomLimit: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(1, 'Allow at least 1 breakout room').max(50, 'At most 50 breakout rooms').default(10),
    ),
    hostIds: z.array(z.string().min(1).max(64)).min(1, 'Pick at least one host').max(8, 'At most 8 hosts'),
  })
  .superRefine((s, ctx) => {
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    // An end before the start is on the next day (a late session that runs past midnight).
    const length = (minutes(s.endTime) - minutes(s.startTime) + 1440) % 1440;
    if (length < 30 || length > 120) ctx.addIssue({ code: 'custom', message: 'A session lasts from 30 minutes to 2 hours', path: ['endTime'] });
    if (s.capacity !== null && !s.signUpRequired) ctx.addIssue({ code: 'custom', message: 'Limited seats need sign-up: tick “Sign-up required” or leave the capacity blank', path: ['capacity'] });
  });
export type TSessionInput = z.infer<typeof ZSessionInput>;

export const ZDescriptionInput = z.object({
  sessionId: ZSessionId,
  description: z.string().trim().max(4000, 'Keep the description under 4000 characters'),
});

export const ZProgrammeFilter = z.object({
  kind: z.preprocess(blankToUndefined, z.enum(SESSION_KINDS).optional()).catch(undefined),
  company: z.preprocess(blankToUndefined, z.string().max(80).optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
});
export type TProgrammeFilter = z.infer<typeof ZProgrammeFilter>;
