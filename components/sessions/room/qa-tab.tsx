'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLiveHint, useLiveTopics, type THint } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import type { TQuestion } from '@/lib/sessions/qa';
import { api } from './api';
import { StageButton } from './stage-controls';
import s from './room.module.css';

type TItem = Omit<TQuestion, 'createdAt'> & { createdAt: string };
type TList = { questions: TItem[]; canModerate: boolean };

/**
 * Votes come in bursts (a popular question, a thousand people in the room): a vote's hint
 * carries the new count and a changed question's hint the question everyone sees, patched in
 * without a request; what cannot be patched (a question waiting for approval, a gap) refetches
 * the list at most this often. The viewer's own vote shows at once; a reconnect refetches
 * immediately.
 */
export const QA_REFRESH_MS = 1000;

/** The order the server sorts in (lib/sessions/qa.ts): pinned first, then votes, then oldest. */
function byRank(a: TItem, b: TItem): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.votes !== b.votes) return b.votes - a.votes;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Refetches on hints of a topic, at most once per `everyMs` (first hint at once, the rest trailing),
 * unless `patched(hint)` says the hint was applied from its data or concerns nothing shown. */
function useThrottledRefetch(topic: string, everyMs: number, patched: (hint: THint) => boolean, refetch: () => void) {
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useLiveHint(topic, (hint) => {
    if (!hint.resync && patched(hint)) return;
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

/** Q&A: ask, upvote once (and take it back), sorted by votes then time; hosts approve, answer, hide and pin. */
export function QaTab({ sessionId }: { sessionId: string }) {
  const topic = `session-qa:${sessionId}`;
  useLiveTopics([topic]);
  const qc = useQueryClient();
  // Not keyed by the topic: the live provider would then refetch on every single vote.
  const key = ['session-questions', sessionId];
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => api<TList>(`/api/sessions/${sessionId}/questions`, { signal }), staleTime: 5_000 });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const patched = (hint: THint) => {
    const prev = qc.getQueryData<TList>(key);
    const id = hint.ids?.question;
    if (!prev || typeof id !== 'string') return false;
    const known = prev.questions.find((q) => q.id === id);
    // A question waiting for approval concerns its author and the hosts only: they refetch.
    if (hint.ids?.pending) return !prev.canModerate && !known;
    // A read under way would answer with older data and overwrite the patch: refetch instead.
    if (qc.isFetching({ queryKey: key }) > 0) return false;
    const save = (questions: TItem[]) => qc.setQueryData<TList>(key, { ...prev, questions: questions.sort(byRank) });
    if (hint.ids?.hidden) {
      // Hidden: gone for the audience, marked for the hosts.
      save(prev.canModerate ? prev.questions.map((q) => (q.id === id ? { ...q, hidden: true } : q)) : prev.questions.filter((q) => q.id !== id));
      return true;
    }
    // A question everyone sees, whole (new, approved, answered, pinned, shown again): upserted, my vote kept.
    const row = hint.data?.question as Omit<TItem, 'myVote'> | undefined;
    if (row) {
      save([...prev.questions.filter((q) => q.id !== id), { ...row, myVote: known?.myVote ?? false }]);
      return true;
    }
    const votes = hint.data?.votes;
    if (typeof votes !== 'number' || !known) return false;
    save(prev.questions.map((q) => (q.id === id ? { ...q, votes } : q)));
    return true;
  };
  useThrottledRefetch(topic, QA_REFRESH_MS, patched, () => void refresh());
  const [draft, setDraft] = useState('');
  const [waiting, setWaiting] = useState(false);
  const ask = useMutation({
    mutationFn: (body: string) => api<{ pending: boolean }>(`/api/sessions/${sessionId}/questions`, { method: 'POST', body: { body } }),
    onSuccess: (res) => {
      setDraft('');
      setWaiting(res.pending);
      return refresh();
    },
  });
  const act = useMutation({
    mutationFn: ({ url, body }: { url: string; body: unknown }) => api(url, { method: 'POST', body }),
    onSettled: refresh,
  });
  // The count comes with the vote's hint (every viewer's, the voter's too); only "my vote" is patched here.
  const vote = useMutation({
    mutationFn: ({ id, voted }: { id: string; voted: boolean }) => api(`/api/questions/${id}/vote`, { method: 'POST', body: { voted } }),
    onSuccess: (_res, { id, voted }) => {
      const prev = qc.getQueryData<TList>(key);
      if (prev) qc.setQueryData<TList>(key, { ...prev, questions: prev.questions.map((q) => (q.id === id ? { ...q, myVote: voted } : q)) });
    },
    onError: () => void refresh(),
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.trim()) ask.mutate(draft);
  };
  const canModerate = list.data?.canModerate ?? false;
  const moderate = (id: string, action: string) => act.mutate({ url: `/api/questions/${id}/moderate`, body: { action } });
  const all = list.data?.questions ?? [];
  // Hosts approve or hide what waits; a hidden waiting question stays in the list (marked) to be shown again.
  const waitingList = canModerate ? all.filter((q) => q.pending && !q.hidden) : [];
  const shown = canModerate ? all.filter((q) => !q.pending || q.hidden) : all;
  return (
    <div className="stack" style={{ gap: 12 }}>
      <StageButton compact />
      <form onSubmit={onSubmit} className="stack" style={{ gap: 6 }} aria-label="Ask a question">
        <label className="small" htmlFor={`ask-${sessionId}`}>Your question</label>
        <textarea id={`ask-${sessionId}`} rows={2} maxLength={500} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <div><Button type="submit" disabled={ask.isPending || !draft.trim()}>Ask</Button></div>
        {ask.isError ? <p className="small" role="alert">{ask.error.message}</p> : null}
        {waiting && ask.isSuccess ? <p className="small muted" role="status">Thanks — a host approves questions before everyone sees them.</p> : null}
      </form>
      {list.isError ? <p className="small" role="alert">{list.error.message}</p> : null}
      {waitingList.length > 0 ? (
        <section className="stack" style={{ gap: 6 }} aria-label="Waiting for approval">
          <h3 className={s.tabHeading}>Waiting for approval ({waitingList.length})</h3>
          <ol className={s.questions}>
            {waitingList.map((q) => (
              <li key={q.id} aria-label={q.body}>
                <p className={s.questionBody}>{q.body}</p>
                <span className="small muted">{q.authorName}</span>
                <span className="row" style={{ gap: 4 }}>
                  <Button onClick={() => moderate(q.id, 'approve')} aria-label={`Approve “${q.body}”`}>Approve</Button>
                  <Button variant="ghost" onClick={() => moderate(q.id, 'hide')} aria-label={`Hide “${q.body}”`}>Hide</Button>
                </span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {list.data && shown.length === 0 ? <p className="small muted">No questions yet. Ask the first one.</p> : null}
      <ol className={s.questions} aria-label="Questions">
        {shown.map((q) => (
          <li key={q.id} aria-label={q.body} data-hidden={q.hidden}>
            <div className={s.questionHead}>
              <button
                type="button"
                className={s.vote}
                aria-pressed={q.myVote}
                disabled={q.pending}
                aria-label={`${q.myVote ? 'Remove my vote' : 'Vote'} for “${q.body}” (${q.votes})`}
                onClick={() => vote.mutate({ id: q.id, voted: !q.myVote })}
              >
                ▲ <span data-testid="votes">{q.votes}</span>
              </button>
              <p className={s.questionBody}>{q.body}</p>
            </div>
            <span className="small muted">
              {q.authorName}
              {q.pending && !canModerate ? ' · Waiting for approval (only you and the hosts see it)' : ''}
              {q.pinned ? ' · 📌 Pinned' : ''}
              {q.answered ? ' · ✓ Answered' : ''}
              {q.hidden ? ' · Hidden from the audience' : ''}
            </span>
            {canModerate ? (
              <span className="row" style={{ gap: 4 }}>
                <Button variant="ghost" onClick={() => moderate(q.id, q.answered ? 'unanswer' : 'answer')}>{q.answered ? 'Mark unanswered' : 'Mark answered'}</Button>
                <Button variant="ghost" onClick={() => moderate(q.id, q.pinned ? 'unpin' : 'pin')}>{q.pinned ? 'Unpin' : 'Pin'}</Button>
                <Button variant="ghost" onClick={() => moderate(q.id, q.hidden ? 'unhide' : 'hide')}>{q.hidden ? 'Show' : 'Hide'}</Button>
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {act.isError ? <p className="small" role="alert">{act.error.message}</p> : null}
      {vote.isError ? <p className="small" role="alert">{vote.error.message}</p> : null}
    </div>
  );
}
