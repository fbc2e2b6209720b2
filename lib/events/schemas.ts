import { z } from 'zod';
import { canonicalTimeZone } from '@/lib/time/zones';

export const ALLOWED_DURATIONS = [5, 10, 15, 20, 25, 30, 45, 60] as const;

export { isTimeZone } from '@/lib/time/zones';

function blankToUndefined(v: unknown): unknown {
  return typeof v === 'string' && v.trim() === '' ? undefined : v;
}

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');

export const ZEventDayInput = z
  .object({
    // PostgreSQL takes 0000-01-01 and year 9999, our calendars and time zones do not.
    date: z.iso.date({ message: 'Pick a date' }).refine((d) => d >= '2000-01-01' && d <= '2099-12-31', 'Pick a date between the years 2000 and 2099'),
    // 'hybrid': each recruiter chooses virtual or in person for their own chats that day.
    mode: z.enum(['virtual', 'in_person', 'hybrid'], { message: 'Choose virtual, in person or hybrid' }),
    opensAt: ZTime,
    closesAt: ZTime,
    chatDurations: z
      .array(z.coerce.number().pipe(z.union(ALLOWED_DURATIONS.map((d) => z.literal(d)))), {
        message: 'Pick at least one chat duration',
      })
      .min(1, 'Pick at least one chat duration'),
    // Where in-person chats meet (a hall, a booth); blank means not said. A NUL is refused by parseInput.
    location: z
      .string()
      .trim()
      .max(200, 'Keep the location under 200 characters')
      .optional()
      .transform((v) => v || null),
  })
  .refine((d) => d.closesAt > d.opensAt, { message: 'Closing time must be after opening time', path: ['closesAt'] });

export const ZEventInput = z
  .object({
    name: z.string().trim().min(3, 'Give the event a name of at least 3 characters').max(120, 'Keep the name under 120 characters'),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, 'The address needs at least 3 characters')
      .max(60, 'Keep the address under 60 characters')
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes'),
    description: z.string().trim().max(4000, 'Keep the description under 4000 characters').default(''),
    // Any name Intl knows (Asia/Kolkata, Europe/Kyiv, Etc/UTC, old aliases), stored by its current IANA name.
    timeZone: z.string().trim().transform((name, ctx) => {
      const zone = canonicalTimeZone(name);
      if (!zone) ctx.addIssue({ code: 'custom', message: 'Pick a time zone from the list (an IANA name such as Europe/Berlin)' });
      return zone ?? name;
    }),
    status: z.enum(['draft', 'published', 'live', 'ended'], { message: 'Pick a status' }),
    chatInitiation: z.enum(['talents', 'recruiters', 'both'], { message: 'Choose who may start 1-1 chats' }),
    talentRequestCredits: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(0, 'Use 0 or more').max(100, 'At most 100'),
    ),
    // Blank means "no limit" here, unlike the talent credits, where blank is a mistake.
    recruiterRequestCredits: z.preprocess(
      (v) => blankToUndefined(v) ?? null,
      z.union([z.null(), z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(0, 'Use 0 or more').max(1000, 'At most 1000')]),
    ),
    joinOpensMinutesBefore: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(0, 'Use 0 or more').max(60, 'At most 60 minutes').default(5),
    ),
    noShowGraceMinutes: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'Enter a number' }).int('Use a whole number').min(1, 'At least 1 minute').max(60, 'At most 60 minutes').default(10),
    ),
    days: z.array(ZEventDayInput).min(1, 'Add at least one day').max(14, 'At most 14 days'),
  })
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.days.forEach((d, i) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', message: 'Each day may appear once', path: ['days', i, 'date'] });
      seen.add(d.date);
    });
  });

export type TEventInput = z.infer<typeof ZEventInput>;

/** The event row's own columns out of validated input (days are stored separately). */
export function eventColumns({ days: _days, ...columns }: TEventInput) {
  return columns;
}
export type TEventDayInput = z.infer<typeof ZEventDayInput>;
export type TDayFormMode = TEventDayInput['mode'];

/** A day's stored columns: a hybrid day is stored as "virtual by default, recruiters choose". */
export function dayColumns({ mode, ...rest }: TEventDayInput) {
  return { ...rest, mode: mode === 'hybrid' ? ('virtual' as const) : mode, recruitersChooseMode: mode === 'hybrid' };
}

/** The form's mode of a stored day (inverse of dayColumns). */
export function dayFormMode(day: { mode: 'virtual' | 'in_person'; recruitersChooseMode: boolean }): TDayFormMode {
  return day.recruitersChooseMode ? 'hybrid' : day.mode;
}
