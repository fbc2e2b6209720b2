import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { CompanyLogo } from '@/components/companies/company-logo';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { listEventCompanies } from '@/lib/companies/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import s from '@/components/companies/companies.module.css';

export const metadata: Metadata = { title: 'Companies' };

export default async function CompaniesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, canManage } = await loadEventForPage(slug);
  const rows = await listEventCompanies(getDb(), event.id);
  if (rows.length === 0) {
    return (
      <EmptyState title="No companies yet">
        <p>Companies appear here once the organizer invites them.</p>
        {canManage ? <Link href={`/events/${event.slug}/manage/companies`}>Invite companies</Link> : null}
      </EmptyState>
    );
  }
  return (
    <div className="grid">
      {rows.map(({ company, recruiters, jobs }) => (
        <Card as="article" key={company.id} className={s.card}>
          <div className={s.head}>
            <CompanyLogo name={company.name} />
            <div>
              <h2>
                <Link href={`/events/${event.slug}/companies/${company.slug}`}>{company.name}</Link>
              </h2>
              <span className="muted small">{company.tagline}</span>
            </div>
          </div>
          <div className={s.meta}>
            {company.industry ? <Badge tone="brand">{company.industry}</Badge> : null}
            {company.location ? <Badge>{company.location}</Badge> : null}
            <Badge>{jobs ?? 0} open job{jobs === 1 ? '' : 's'}</Badge>
            <Badge>{recruiters ?? 0} recruiter{recruiters === 1 ? '' : 's'}</Badge>
          </div>
        </Card>
      ))}
    </div>
  );
}
