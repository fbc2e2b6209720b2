import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { AddExistingCompanyForm, InviteCompanyForm, InviteRecruiterForm } from '@/components/admin/invite-forms';
import { ManageNav } from '@/components/admin/manage-nav';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { NoAccess } from '@/components/ui/no-access';
import { listAllCompanies, listEventCompanies, listEventCompanyMembers } from '@/lib/companies/queries';
import { loadEventForPage } from '@/app/_page/load-event';
import s from '@/components/admin/admin.module.css';
import { inviteCompanyAction, inviteRecruiterAction } from '../actions';

export const metadata: Metadata = { title: 'Companies & recruiters' };

export default async function ManageCompaniesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, user, canManage } = await loadEventForPage(slug);
  if (!canManage) return <NoAccess what="Only organizers of this event can invite companies." backHref={`/events/${event.slug}`} signInTo={user ? undefined : `/events/${event.slug}/manage/companies`} />;
  const db = getDb();
  const [inEvent, all, members] = await Promise.all([listEventCompanies(db, event.id), listAllCompanies(db), listEventCompanyMembers(db, event.id)]);
  const inIds = new Set(inEvent.map((r) => r.company.id));
  const options = inEvent.map((r) => ({ id: r.company.id, name: r.company.name }));
  return (
    <div className="stack">
      <ManageNav slug={event.slug} current="companies" />
      <InviteCompanyForm invite={inviteCompanyAction.bind(null, event.id)} />
      <AddExistingCompanyForm invite={inviteCompanyAction.bind(null, event.id)} options={all.filter((c) => !inIds.has(c.id)).map((c) => ({ id: c.id, name: c.name }))} />
      <InviteRecruiterForm invite={inviteRecruiterAction.bind(null, event.id)} companies={options} />
      {inEvent.length === 0 ? (
        <EmptyState title="No companies yet">
          <p>Invite the first company above. Its admin gets an e-mail with a sign-in link.</p>
        </EmptyState>
      ) : (
        <Card>
          <h2>Companies in this event ({inEvent.length})</h2>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <thead>
                <tr><th>Company</th><th>People</th></tr>
              </thead>
              <tbody>
                {inEvent.map(({ company }) => (
                  <tr key={company.id}>
                    <td><strong>{company.name}</strong></td>
                    <td>
                      {members.filter((m) => m.companyId === company.id).map((m) => (
                        <div key={m.userId}>
                          {m.name ?? m.email} <span className="muted small">{m.email}</span>{' '}
                          {m.role === 'admin' ? <Badge>Admin</Badge> : null} {m.signedUp ? null : <Badge tone="warn">Invited</Badge>}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </div>
  );
}
