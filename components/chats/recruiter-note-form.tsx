'use client';
import { useState } from 'react';
import { useChatActions } from '@/components/chats/chat-actions-context';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { TextArea } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';

/** The company's private note on a completed chat; the talent never sees it. */
export function RecruiterNoteForm({ chatId, initial }: { chatId: string; initial: string }) {
  const [note, setNote] = useState(initial);
  const { saveRecruiterNoteAction } = useChatActions();
  const p = useSubmit(saveRecruiterNoteAction);
  return (
    <form className="stack" style={{ gap: 6 }} onSubmit={(e) => { e.preventDefault(); p.submit({ chatId, note }); }}>
      <TextArea label="Private note (only your company sees it)" rows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.target.value)} error={p.fieldError('note')} />
      <div className="row">
        <Button type="submit" variant="secondary" disabled={p.pending}>{p.pending ? 'Saving…' : 'Save note'}</Button>
        {p.done ? <span className="small" role="status">Note saved.</span> : null}
      </div>
      {p.error && !p.fieldError('note') ? <Alert tone="error">{p.error.message}</Alert> : null}
    </form>
  );
}
