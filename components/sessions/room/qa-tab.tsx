'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLiveHint, useLiveTopics } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import type { TQuestion } from '@/lib/sessions/qa';
import { api } from './api';
import { StageButton } from './stage-controls';
import s from './room.module.css';

type TList = { questions: (Omit<TQuestion, 'createdAt'> & { createdAt: string })[]; canModerate: boolean };

/**
 * Votes come in bursts (a popular question, a thousand people in the room): the list is
 * refetched at most this often on hints, not once per vote; the viewer's own vote or question
 * shows at once. A reconnect refetches immediately.
 */
export const QA_REFRESH_MS = 1000;

/** Refetches on hints of a topic, at most once per `everyMs` (first hint at once, the rest trailing). */
function useThrottledRefetch(topic: string, everyMs: number, refetch: () => void) {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveHint(topic, (hint) => {
    const wait = last.current + everyMs - Date.now();
    if (hint.resync || wait <= 0) {
      last.current = Date.now();
      return refetch();
    }
    timer.current ??= setTimeout(() => {
      timer.current = undefined;
      last.current = Date.now();
      refetch();
    }, wait);
  });
}

/** Q&A: ask, upvote once (and take it back), sorted by votes then time; hosts answer, hide and pin. */
export function QaTab({ sessionId }: { sessionId: string }) {
  const topic = `session-qa:${sessionId}`;
  useLiveTopics([topic]);
  const qc = useQueryClient();
  // Not keyed by the topic: the live provider would then refetch on every single vote.
  const key = ['session-questions', sessionId];
  const list = useQuery({ queryKey: key, queryFn: () => api<TList>(`/api/sessions/${sessionId}/questions`), staleTime: 5_000 });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  useThrottledRefetch(topic, QA_REFRESH_MS, () => void refresh());
  const [draft, setDraft] = useState('');
  const ask = useMutation({
    mutationFn: (body: string) => api(`/api/sessions/${sessionId}/questions`, { method: 'POST', body: { body } }),
    onSuccess: () => {
      setDraft('');
      return refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api(url, { method: 'POST', body }),
    onSettled: refresh,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) ask.mutate(draft);
  };
  const canModerate = list.data?.canModerate ?? false;
  return (
    <div className="stack" style={{ gap: 12 }}>
      <StageButton compact />
      <form onSubmit={onSubmit} className="stack" style={{ gap: 6 }} aria-label="Ask a question">
        <label className="small" htmlFor={`ask-${sessionId}`}>Your question</label>
        <textarea id={`ask-${sessionId}`} rows={2} maxLength={500} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <div><Button type="submit" disabled={ask.isPending || !draft.trim()}>Ask</Button></div>
        {ask.isError ? <p className="small" role="alert">{ask.error.message}</p> : null}
      </form>
      {list.isError ? <p className="small" role="alert">{list.error.message}</p> : null}
      {list.data?.questions.length === 0 ? <p className="small muted">No questions yet. Ask the first one.</p> : null}
      <ol className={s.questions} aria-label="Questions">
        {list.data?.questions.map((q) => (
          <li key={q.id} aria-label={q.body} data-hidden={q.hidden}>
            <div className={s.questionHead}>
              <button
                type="button"
                className={s.vote}
                aria-pressed={q.myVote}
                aria-label={`${q.myVote ? 'Remove my vote' : 'Vote'} for “${q.body}” (${q.votes})`}
                onClick={() => act.mutate({ url: `/api/questions/${q.id}/vote`, body: { voted: !q.myVote } })}
              >
                ▲ <span data-testid="votes">{q.votes}</span>
              </button>
              <p className={s.questionBody}>{q.body}</p>
            </div>
            <span className="small muted">
              {q.authorName}
              {q.pinned ? ' · 📌 Pinned' : ''}
              {q.answered ? ' · ✓ Answered' : ''}
              {q.hidden ? ' · Hidden from the audience' : ''}
            </span>
            {canModerate ? (
              <span className="row" style={{ gap: 4 }}>
                <Button variant="ghost" onClick={() => act.mutate({ url: `/api/questions/${q.id}/moderate`, body: { action: q.answered ? 'unanswer' : 'answer' } })}>{q.answered ? 'Mark unanswered' : 'Mark answered'}</Button>
                <Button variant="ghost" onClick={() => act.mutate({ url: `/api/questions/${q.id}/moderate`, body: { action: q.pinned ? 'unpin' : 'pin' } })}>{q.pinned ? 'Unpin' : 'Pin'}</Button>
                <Button variant="ghost" onClick={() => act.mutate({ url: `/api/questions/${q.id}/moderate`, body: { action: q.hidden ? 'unhide' : 'hide' } })}>{q.hidden ? 'Show' : 'Hide'}</Button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {act.isError ? <p className="small" role="alert">{act.error.message}</p> : null}
    </div>
  );
}
