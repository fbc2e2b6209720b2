import { Badge } from '@/components/ui/card';

/** The verdict of a completed video chat: who did not join in time (null: not judged, e.g. in person). */
export function NoShowBadges({ talent, recruiter, talentLabel = 'Talent did not show', recruiterLabel = 'Recruiter did not show' }: {
  talent: boolean | null;
  recruiter: boolean | null;
  talentLabel?: string;
  recruiterLabel?: string;
}) {
  if (!talent && !recruiter) return talent === false && recruiter === false ? <span className="small muted">Both sides joined.</span> : null;
  return (
    <span className="row" style={{ gap: 6 }}>
      {talent ? <Badge tone="warn">{talentLabel}</Badge> : null}
      {recruiter ? <Badge tone="warn">{recruiterLabel}</Badge> : null}
    </span>
  );
}
