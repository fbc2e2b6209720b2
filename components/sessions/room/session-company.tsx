import Link from 'next/link';
import type { getCompanyProfile } from '@/lib/companies/queries';
import s from './room.module.css';

type TProfile = NonNullable<Awaited<ReturnType<typeof getCompanyProfile>>>;

/** The Company tab: who runs the session — info, FAQs and open jobs of its company. */
export function SessionCompany({ profile, slug, eventDescription }: { profile: TProfile | undefined; slug: string; eventDescription: string }) {
  if (!profile) {
    return (
      <div className="stack" style={{ gap: 8 }}>
        <p className="small" style={{ margin: 0 }}>The organizers of the fair run this session.</p>
        {eventDescription ? <p className="small muted" style={{ whiteSpace: 'pre-line', margin: 0 }}>{eventDescription}</p> : null}
      </div>
    );
  }
  const { company, faqs, jobs } = profile;
  return (
    <div className="stack" style={{ gap: 10 }}>
      <div>
        <strong>{company.name}</strong>
        <p className="small muted" style={{ margin: 0 }}>{company.tagline}</p>
      </div>
      {company.description ? <p className="small" style={{ margin: 0 }}>{company.description}</p> : null}
      <section aria-label="Open jobs">
        <h3 className={s.tabHeading}>Open jobs</h3>
        {jobs.length === 0 ? <p className="small muted">No open jobs listed right now.</p> : (
          <ul className={s.people}>{jobs.map((j) => <li key={j.id}><span>{j.title}</span><span className="small muted">{j.location || 'Location open'} · {j.employmentType}</span></li>)}</ul>
        )}
      </section>
      <section aria-label="Frequently asked">
        <h3 className={s.tabHeading}>Frequently asked</h3>
        {faqs.map((f) => (
          <details key={f.id}>
            <summary className="small">{f.question}</summary>
            <p className="small">{f.answer}</p>
          </details>
        ))}
      </section>
      <Link className="small" href={`/events/${slug}/companies/${company.slug}`}>Company profile →</Link>
    </div>
  );
}
