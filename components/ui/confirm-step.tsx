'use client';
import type { ReactNode } from 'react';
import { Button } from './button';
import { Alert } from './card';
import { useOpenedFocus } from './use-opened-focus';

/**
 * A button whose action cannot be taken back asks once, inline: the question, the destructive
 * choice and the safe one (focused on opening, so Enter keeps things as they are). Escape or the
 * safe choice closes the step and returns focus to the button.
 */
export function ConfirmStep({
  label,
  question,
  confirmLabel,
  pendingLabel,
  keepLabel,
  pending,
  error,
  onConfirm,
}: {
  label: string;
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  keepLabel: string;
  pending: boolean;
  error?: string | null;
  onConfirm: () => void;
}) {
  const { open, setOpen, opener, form } = useOpenedFocus();
  if (!open) {
    return (
      <div className="stack" style={{ gap: 6 }}>
        <div className="row">
          <Button ref={opener} variant="secondary" onClick={() => setOpen(true)}>
            {label}…
          </Button>
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    );
  }
  return (
    <div
      className="stack"
      style={{ gap: 6 }}
      ref={form}
      role="group"
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !pending) setOpen(false);
      }}
    >
      <p className="small" style={{ margin: 0 }}>{question}</p>
      <div className="row">
        <Button variant="danger" disabled={pending} onClick={onConfirm}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button variant="ghost" data-autofocus disabled={pending} onClick={() => setOpen(false)}>
          {keepLabel}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
