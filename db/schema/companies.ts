import 'server-only';
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique('companies_slug_unique'),
    name: text('name').notNull(),
    tagline: text('tagline').notNull().default(''),
    description: text('description').notNull().default(''),
    industry: text('industry').notNull().default(''),
    location: text('location').notNull().default(''),
    size: text('size').notNull().default(''),
    websiteUrl: text('website_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('companies_slug_format', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)],
);

export const companyFaqs = pgTable(
  'company_faqs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('company_faqs_company_idx').on(t.companyId, t.position)],
);

export const companyJobs = pgTable(
  'company_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    location: text('location').notNull().default(''),
    employmentType: text('employment_type').notNull().default('Full-time'),
    description: text('description').notNull().default(''),
    url: text('url'),
  },
  (t) => [index('company_jobs_company_idx').on(t.companyId)],
);

export const companyRole = pgEnum('company_role', ['admin', 'recruiter']);

export const companyMembers = pgTable(
  'company_members',
  {
    companyId: uuid('company_id').notNull().references(() => companies.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: companyRole('role').notNull().default('recruiter'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'company_members_pk', columns: [t.companyId, t.userId] }),
    index('company_members_user_idx').on(t.userId),
  ],
);
