import 'server-only';
import { sql } from 'drizzle-orm';
import { check, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const experienceLevel = pgEnum('experience_level', [
  'student',
  'entry',
  'mid',
  'senior',
  'lead',
]);

export const profiles = pgTable(
  'profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    experienceLevel: experienceLevel('experience_level'),
    cvUrl: text('cv_url'),
    linkedinUrl: text('linkedin_url'),
    websiteUrl: text('website_url'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('profiles_headline_len', sql`char_length(${t.headline}) <= 140`),
    check('profiles_bio_len', sql`char_length(${t.bio}) <= 4000`),
  ],
);
