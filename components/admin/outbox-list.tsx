'use client';
import { useQuery } from '@tanstack/react-query';
import { useLiveTopics } from '@/components/live/live-provider';
import { Alert, Badge, EmptyState } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import s from './admin.module.css';

type Attachment = { filename: string; contentType: string; content: string };
type Mail = { id: string; toEmail: string; subject: string; text: string; kind: string; status: 'stored' | 'sent' | 'failed'; error: string | null; createdAt: string; attachments?: Attachment[] };

/** An attachment (the .ics) as a download: the content is already here, so a data: link serves it. */
function Attachments({ files }: { files: Attachment[] }) {
  if (files.length === 0) return null;
  return (
    <ul className="row small" aria-label="Attachments" style={{ listStyle: 'none', margin: 0, padding: '0 12px 12px', gap: 8 }}>
      {files.map((f, i) => (
        <li key={i}>
          <a href={`data:${f.contentType.split(';')[0]};charset=utf-8,${encodeURIComponent(f.content)}`} download={f.filename}>
            📎 {f.filename}
          </a>{' '}
          <span className="muted">({f.contentType.split(';')[0]}, {new TextEncoder().encode(f.content).length} bytes)</span>
        </li>
      ))}
    </ul>
  );
}

const STATUS = { stored: 'Stored', sent: 'Sent', failed: 'Failed' } as const;

/** Linkifies URLs so a demo visitor can click a sign-in link straight from the outbox. */
function MailText({ text }: { text: string }) {
  // Trailing punctuation ends a sentence, not the link.
  const parts = text.split(/(https?:\/\/\S*[^\s.,;:!?)\]'"])/g);
  return <pre>{parts.map((p, i) => (/^https?:\/\//.test(p) ? <a key={i} href={p}>{p}</a> : p))}</pre>;
}

/** `topics`: the outbox topics this person may follow (none: the list is not live). */
export function OutboxList({ initial, topics }: { initial: Mail[]; topics: string[] }) {
  useLiveTopics(topics);
  const live = topics.length > 0;
  const { data, isError } = useQuery({
    queryKey: ['outbox', 'list'],
    meta: { topics },
    queryFn: async () => {
      const res = await fetch('/api/outbox');
      if (!res.ok) throw new Error('Could not load the outbox');
      return ((await res.json()) as { mails: Mail[] }).mails;
    },
    initialData: initial,
    enabled: live,
  });
  if (isError) return <Alert tone="error">Could not refresh the outbox. Reload the page to try again.</Alert>;
  if (data.length === 0) {
    return (
      <EmptyState title="No mail yet">
        <p>Invitations, sign-in links and notifications appear here as soon as they are written.</p>
      </EmptyState>
    );
  }
  return (
    <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {data.map((m) => (
        <li key={m.id}>
          <details className={s.mail}>
            <summary>
              <span>
                <strong>{m.subject}</strong>
                <br />
                <span className="muted small">to {m.toEmail}</span>
              </span>
              <span className="row">
                <Badge tone={m.status === 'sent' ? 'ok' : m.status === 'failed' ? 'warn' : undefined}>{STATUS[m.status]}</Badge>
                <span className="muted small"><LocalTime iso={m.createdAt} /></span>
              </span>
            </summary>
            <MailText text={m.text} />
            <Attachments files={m.attachments ?? []} />
            {m.error ? <p className="small" style={{ color: 'var(--danger)', padding: '0 12px' }}>{m.error}</p> : null}
          </details>
        </li>
      ))}
    </ul>
  );
}
