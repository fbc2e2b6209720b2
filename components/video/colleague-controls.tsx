'use client';
import { useRefreshAfterChange } from '@/components/live/use-refresh-after-change';
import { useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { SelectField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';

/** "Join as colleague": adds the viewer to a chat of their company, then the page shows its call. */
export function JoinAsColleague({ chatId, label = 'Join as colleague' }: { chatId: string; label?: string }) {
  const router = useRefreshAfterChange();
  const { addChatColleagueAction } = useChatActions();
  const p = useSubmit(addChatColleagueAction, () => router.refresh());
  return (
    <span className="stack" style={{ gap: 4 }}>
      <Button type="button" variant="secondary" disabled={p.pending} onClick={() => p.submit({ chatId })}>{p.pending ? 'Adding…' : label}</Button>
      {p.error ? <Alert tone="error">{p.error.message}</Alert> : null}
    </span>
  );
}

/** Add a colleague to a chat beforehand, or take them off it again. */
export function ColleaguePicker({ chatId, candidates, added }: { chatId: string; candidates: { id: string; name: string }[]; added: { id: string; name: string }[] }) {
  const router = useRefreshAfterChange();
  const free = candidates.filter((c) => !added.some((a) => a.id === c.id));
  const [userId, setUserId] = useState('');
  const { addChatColleagueAction, removeChatColleagueAction } = useChatActions();
  const add = useSubmit(addChatColleagueAction, () => { setUserId(''); router.refresh(); });
  const remove = useSubmit(removeChatColleagueAction, () => router.refresh());
  return (
    <div className="stack" style={{ gap: 6 }}>
      {added.length ? (
        <ul className="row small" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Colleagues in this chat">
          {added.map((a) => (
            <li key={a.id} className="row" style={{ gap: 4 }}>
              {a.name}
              <Button type="button" variant="ghost" disabled={remove.pending} onClick={() => remove.submit({ chatId, userId: a.id })} aria-label={`Remove ${a.name} from this chat`}>×</Button>
            </li>
          ))}
        </ul>
      ) : null}
      {free.length ? (
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <div style={{ minWidth: 200 }}>
            <SelectField label="Add a colleague" value={userId} onChange={(e) => setUserId(e.target.value)} error={add.fieldError('userId')}>
              <option value="">Choose…</option>
              {free.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </SelectField>
          </div>
          <Button type="button" variant="secondary" disabled={!userId || add.pending} onClick={() => add.submit({ chatId, userId })}>Add</Button>
        </div>
      ) : null}
      {add.error && !add.fieldError('userId') ? <Alert tone="error">{add.error.message}</Alert> : null}
      {remove.error ? <Alert tone="error">{remove.error.message}</Alert> : null}
    </div>
  );
}
