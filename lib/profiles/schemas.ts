import { z } from 'zod';

const ZOptionalUrl = z
  .string()
  .trim()
  .max(500, 'Keep links under 500 characters')
  .transform((v) => (v === '' ? null : v))
  .pipe(z.union([z.null(), z.url({ protocol: /^https?$/, message: 'Enter a full link starting with https://' })]));

export const EXPERIENCE_LEVELS = [
  { value: 'student', label: 'Student' },
  { value: 'entry', label: 'Entry level (0–2 years)' },
  { value: 'mid', label: 'Mid level (3–5 years)' },
  { value: 'senior', label: 'Senior (6+ years)' },
  { value: 'lead', label: 'Lead / manager' },
] as const;

export const ZProfileInput = z.object({
  name: z.string().trim().min(2, 'Enter your name (at least 2 characters)').max(80, 'Keep your name under 80 characters'),
  headline: z.string().trim().max(140, 'Keep the headline under 140 characters').default(''),
  bio: z.string().trim().max(4000, 'Keep the bio under 4000 characters').default(''),
  languages: z
    .string()
    .max(300, 'List fewer languages')
    .default('')
    .transform((s) => [...new Set(s.split(',').map((l) => l.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(40, 'Each language under 40 characters')).max(10, 'At most 10 languages')),
  experienceLevel: z
    .union([z.literal(''), z.enum(['student', 'entry', 'mid', 'senior', 'lead'])], { message: 'Pick an experience level' })
    .transform((v) => (v === '' ? null : v)),
  cvUrl: ZOptionalUrl,
  linkedinUrl: ZOptionalUrl,
  websiteUrl: ZOptionalUrl,
});

export type TProfileInput = z.input<typeof ZProfileInput>;
