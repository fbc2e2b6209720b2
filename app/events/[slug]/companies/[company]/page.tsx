import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { CompanyLogo } from '@/components/companies/company-logo';
import { Badge, Card } from '@/components/ui/card';
import { DeskLinks } from '@/components/desks/desk-links';
import { getCompanyProfile } from '@/lib/companies/queries';
import { listDesks } from '@/lib/desks/desk-page';
import { loadEventForPage } from '@/app/_page/load-event';
import { SessionList } from '@/components/sessions/session-list';
import { companySessions } from '@/lib/sessions/queries';
import { sessionViewer } from '@/lib/sessions/viewer';
import { cancelSignUpAction, signUpAction } from '../../sessions/actions';
import s from '@/components/companies/companies.module.css';
import e from '@/components/events/events.module.css';

export async function generateMetadata({ params }: { params: Promise<{ slug: string; company: string }> }): Promise<Metadata> {
  const { slug, company } = await params;
  const { event } = await loadEventForPage(slug);
  const profile = await getCompanyProfile(getDb(), event.id, company);
  return profile ? { title: profile.company.name } : {};
}

export default async function CompanyPage({ params }: { params: Promise<{ slug: string; company: string }> }) {
  const { slug, company: companySlug } = await params;
  const { event, user, roles, canManage } = await loadEventForPage(slug);
  const db = getDb();
  const profile = await getCompanyProfile(db, event.id, companySlug);
  if (!profile) notFound();
  const desks = await listDesks(db, user, event.id, profile.company.id);
  const { company, faqs, jobs, recruiters } = profile;
  const [sessions, viewer] = await Promise.all([companySessions(db, event.id, company.id, user?.id ?? null), sessionViewer(db, user, event.id, roles, canManage)]);
  return (
    <div className="stack">
      <p className="small">
        <Link href={`/events/${event.slug}/companies`}>← All companies</Link>
      </p>
      <DeskLinks slug={event.slug} desks={desks} />
      <Card>
        <div className={s.head}>
          <CompanyLogo name={company.name} />
          <div>
            <h2 style={{ margin: 0 }}>{company.name}</h2>
            <span className="muted">{company.tagline}</span>
          </div>
        </div>
        <div className={s.meta} style={{ marginBottom: 12 }}>
          {company.industry ? <Badge tone="brand">{company.industry}</Badge> : null}
          {company.location ? <Badge>{company.location}</Badge> : null}
          {company.size ? <Badge>{company.size} people</Badge> : null}
        </div>
        <p style={{ whiteSpace: 'pre-line' }}>{company.description || 'This company has not added a description yet.'}</p>
        {company.websiteUrl ? (
          <a href={company.websiteUrl} rel="noopener noreferrer" target="_blank">
            Website
          </a>
        ) : null}
      </Card>
      <Card>
        <h2>Sessions</h2>
        {sessions.length === 0 ? (
          <p className="muted">{company.name} holds no sessions at this event.</p>
        ) : (
          <SessionList cards={sessions} slug={event.slug} timeZone={event.timeZone} viewer={viewer} actions={{ signUp: signUpAction, cancel: cancelSignUpAction }} />
        )}
      </Card>
      <div className={e.twoCol}>
        <div className="stack">
          <Card>
            <h2>Open jobs</h2>
            {jobs.length === 0 ? (
              <p className="muted">No open jobs listed right now.</p>
            ) : (
              <ul className={s.list}>
                {jobs.map((j) => (
                  <li key={j.id} className={s.item}>
                    <h3>{j.title}</h3>
                    <div className={s.meta}>
                      <Badge>{j.location || 'Location open'}</Badge>
                      <Badge>{j.employmentType}</Badge>
                    </div>
                    {j.description ? <p className="small" style={{ marginTop: 8, marginBottom: 0 }}>{j.description}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card>
            <h2>Frequently asked</h2>
            {faqs.length === 0 ? (
              <p className="muted">No questions answered yet.</p>
            ) : (
              faqs.map((f) => (
                <details key={f.id} className={s.faq}>
                  <summary>{f.question}</summary>
                  <p>{f.answer}</p>
                </details>
              ))
            )}
          </Card>
        </div>
        <Card>
          <h2>Recruiters</h2>
          {recruiters.length === 0 ? (
            <p className="muted">No recruiters have joined yet.</p>
          ) : (
            <ul className={s.list}>
              {recruiters.map((r) => (
                <li key={r.id}>
                  <strong>{r.name ?? 'Invited recruiter'}</strong>
                  {r.role === 'admin' ? <> <Badge>Admin</Badge></> : null}
                  <br />
                  <span className="muted small">{r.headline || (r.name ? '' : 'Invitation sent')}</span>
                </li>
              ))}
            </ul>
          )}
          {/* A talent reading about the recruiters is one step from talking to them. */}
          {recruiters.length > 0 && roles.includes('talent') ? (
            <p className="small" style={{ marginBottom: 0 }}>
              <Link href={`/events/${event.slug}/chats`}>Book or request a 1-1 chat →</Link>
            </p>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
