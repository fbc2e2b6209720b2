'use client';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import s from './ui.module.css';

type Common = { label: string; error?: string; hint?: ReactNode };

function Wrap({ id, label, error, hint, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={s.field}>
      <label htmlFor={id} className={s.label}>
        {label}
      </label>
      {children}
      {hint ? <span id={`${id}-hint`} className={s.hint}>{hint}</span> : null}
      {error ? <span id={`${id}-error`} className={s.error} role="alert">{error}</span> : null}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextField({ label, error, hint, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <input id={id} className={s.input} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Wrap>
  );
}

export function TextArea({ label, error, hint, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <textarea id={id} className={s.input} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...rest} />
    </Wrap>
  );
}

export function SelectField({ label, error, hint, children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <Wrap id={id} label={label} error={error} hint={hint}>
      <select id={id} className={s.input} aria-invalid={!!error} aria-describedby={describedBy(id, error, hint)} {...rest}>
        {children}
      </select>
    </Wrap>
  );
}

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return <div className={`${s.alert} ${s.alertError}`} role="alert">{message}</div>;
}
