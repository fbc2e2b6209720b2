'use client';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { useSubmit } from '@/components/ui/use-submit';
import type { TAnonymised } from '@/lib/desks/anonymise-desk';
import type { TResult } from '@/lib/errors';

/** Reports and the early GDPR clean-up, for the desk's managers. */
export function DeskAdmin({ deskId, anonymisedAt, anonymise }: { deskId: string; anonymisedAt: string | null; anonymise: (input: { deskId: string }) => Promise<TResult<TAnonymised>> }) {
  const router = useRouter();
  const run = useSubmit(anonymise, () => router.refresh());
  return (
    <div className="stack" style={{ gap: 8 }}>
      <div className="row">
        <a href={`/api/desks/${deskId}/report`} download>
          Download report (CSV)
        </a>
        <a href={`/api/desks/${deskId}/report?transcript=1`} download>
          Download transcripts (CSV)
        </a>
      </div>
      <p className="small muted" style={{ margin: 0 }}>Every download is recorded in the event’s audit log.</p>
      {anonymisedAt ? (
        <Alert tone="info">Anonymised on {anonymisedAt}: messages redacted, files deleted, participants replaced by pseudonyms.</Alert>
      ) : (
        <div className="row">
          <Button
            variant="secondary"
            disabled={run.pending}
            onClick={() => {
              if (window.confirm('Anonymise now? Every message body and file of this desk is removed for good; counts, times and tags stay.')) run.submit({ deskId });
            }}
          >
            Anonymise now
          </Button>
        </div>
      )}
      {run.error ? <Alert tone="error">{run.error.message}</Alert> : null}
    </div>
  );
}
