import Link from 'next/link';
import { Button, ButtonLink } from '@/components/ui/button';
import { Badge, EmptyState } from '@/components/ui/card';
import { SelectField, TextField } from '@/components/ui/field';
import type { TOpenChat, TTalentCard } from '@/lib/chats/talent-search';
import { EXPERIENCE_LEVELS } from '@/lib/profiles/schemas';
import { RecruiterRequestForm, type TTeamMember } from './recruiter-request-form';
import s from './chats.module.css';

export type TTalentFilters = { q: string; level: string; lang: string };

const LEVEL_LABEL = new Map<string, string>(EXPERIENCE_LEVELS.map((l) => [l.value, l.label]));
const OPEN_LABEL: Record<TOpenChat['status'], string> = { pending: 'Request pending', accepted: 'In scheduling', confirmed: 'Chat confirmed' };

/** Query string for the talents page; empty filters are left out so links stay short. */
export function talentsHref(basePath: string, filters: TTalentFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.level) params.set('level', filters.level);
  if (filters.lang) params.set('lang', filters.lang);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** A plain GET form: filtering works without JavaScript and every result page has a URL. */
export function TalentFilterForm({ basePath, filters }: { basePath: string; filters: TTalentFilters }) {
  const active = Boolean(filters.q || filters.level || filters.lang);
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter talents" className="stack">
      <div className="grid">
        <TextField label="Search" name="q" type="search" defaultValue={filters.q} maxLength={100} hint="Name, headline or bio" />
        <SelectField label="Experience level" name="level" defaultValue={filters.level}>
          <option value="">Any level</option>
          {EXPERIENCE_LEVELS.map((l) => (
            <option key={l.value} value={l.value}>{l.label}</option>
          ))}
        </SelectField>
        <TextField label="Language" name="lang" defaultValue={filters.lang} maxLength={40} hint="For example German" />
      </div>
      <div className="row">
        <Button type="submit">Show talents</Button>
        {active ? <ButtonLink href={basePath} variant="ghost">Clear filters</ButtonLink> : null}
      </div>
    </form>
  );
}

export function TalentList({
  eventId,
  slug,
  basePath,
  filters,
  talents,
  total,
  page,
  pageCount,
  team,
  mayRequest,
  noCreditsReason,
}: {
  eventId: string;
  slug: string;
  basePath: string;
  filters: TTalentFilters;
  talents: TTalentCard[];
  total: number;
  page: number;
  pageCount: number;
  team: TTeamMember[];
  /** False when the organizer lets only talents start chats: no request buttons at all. */
  mayRequest: boolean;
  noCreditsReason?: string;
}) {
  if (total === 0) {
    const filtered = Boolean(filters.q || filters.level || filters.lang);
    return (
      <EmptyState title={filtered ? 'No talents match these filters' : 'No talents have registered yet'}>
        {filtered ? <ButtonLink href={basePath} variant="secondary">Clear filters</ButtonLink> : <p>Talents appear here as soon as they register for the event.</p>}
      </EmptyState>
    );
  }
  return (
    <div className="stack">
      <p className="muted small" role="status" style={{ margin: 0 }}>
        {total} talent{total === 1 ? '' : 's'}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ''}
      </p>
      {talents.length === 0 ? (
        <p>
          There is no page {page}. <Link href={talentsHref(basePath, filters)}>Back to the first page</Link>
        </p>
      ) : (
        <ul className={s.list}>
          {talents.map((t) => (
            <TalentItem key={t.id} eventId={eventId} slug={slug} talent={t} team={team} mayRequest={mayRequest} noCreditsReason={noCreditsReason} />
          ))}
        </ul>
      )}
      {pageCount > 1 ? <Pagination basePath={basePath} filters={filters} page={page} pageCount={pageCount} /> : null}
    </div>
  );
}

function TalentItem({
  eventId,
  slug,
  talent: t,
  team,
  mayRequest,
  noCreditsReason,
}: {
  eventId: string;
  slug: string;
  talent: TTalentCard;
  team: TTeamMember[];
  mayRequest: boolean;
  noCreditsReason?: string;
}) {
  // One open request per talent–recruiter pair: offer only team members without one.
  const busy = new Set(t.openWithCompany.map((o) => o.recruiterId));
  const free = team.filter((m) => !busy.has(m.id));
  const disabledReason = noCreditsReason ?? (free.length === 0 ? 'Your team already has an open 1-1 chat with this talent.' : undefined);
  const level = t.experienceLevel ? LEVEL_LABEL.get(t.experienceLevel) : undefined;
  return (
    <li className={s.item}>
      <div className={s.itemHead}>
        <strong>{t.name}</strong>
        {level ? <Badge tone="brand">{level}</Badge> : null}
      </div>
      {t.headline ? <span>{t.headline}</span> : null}
      {t.bioExcerpt ? <p className="small muted" style={{ margin: 0 }}>{t.bioExcerpt}</p> : null}
      {t.languages.length ? <span className="small">Languages: {t.languages.join(', ')}</span> : null}
      {t.cvUrl || t.linkedinUrl ? (
        <span className="row small">
          {t.cvUrl ? <a href={t.cvUrl} target="_blank" rel="noopener noreferrer">CV<span className="visually-hidden"> of {t.name} (opens in a new tab)</span></a> : null}
          {t.linkedinUrl ? <a href={t.linkedinUrl} target="_blank" rel="noopener noreferrer">LinkedIn<span className="visually-hidden"> of {t.name} (opens in a new tab)</span></a> : null}
        </span>
      ) : null}
      {t.openWithCompany.length ? (
        <span className="row">
          {t.openWithCompany.map((o) => (
            <Badge key={o.recruiterId} tone={o.status === 'confirmed' ? 'ok' : 'warn'}>{OPEN_LABEL[o.status]} · {o.recruiterName}</Badge>
          ))}
        </span>
      ) : null}
      {mayRequest ? (
        <RecruiterRequestForm eventId={eventId} talentId={t.id} talentName={t.name} team={free} disabledReason={disabledReason} />
      ) : null}
    </li>
  );
}

function Pagination({ basePath, filters, page, pageCount }: { basePath: string; filters: TTalentFilters; page: number; pageCount: number }) {
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  return (
    <nav aria-label="Talent pages" className="row">
      {page > 1 ? <Link href={talentsHref(basePath, filters, Math.min(page - 1, pageCount))} rel="prev">← Previous</Link> : null}
      {pages.map((p, i) => (
        <span key={p} className="row" style={{ gap: 4 }}>
          {i > 0 && p - pages[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
          {p === page ? <strong aria-current="page">{p}</strong> : <Link href={talentsHref(basePath, filters, p)} aria-label={`Page ${p}`}>{p}</Link>}
        </span>
      ))}
      {page < pageCount ? <Link href={talentsHref(basePath, filters, page + 1)} rel="next">Next →</Link> : null}
    </nav>
  );
}
