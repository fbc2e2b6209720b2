'use client';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import s from './chats.module.css';

export type TTab<K extends string> = { key: K; label: ReactNode };

/**
 * Tabs after the WAI-ARIA tabs pattern: one tab in the Tab order, arrows/Home/End move and
 * select, each tab names the panel it controls. The caller renders the panel through `panel`.
 */
export function Tabs<K extends string>({ label, tabs, current, onChange, children }: { label: string; tabs: TTab<K>[]; current: K; onChange: (key: K) => void; children: ReactNode }) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const tabId = (k: K) => `${base}-tab-${k}`;
  const panelId = `${base}-panel`;
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.findIndex((t) => t.key === current);
    const next = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onChange(tab.key);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(tab.key))}`)?.focus();
  };
  return (
    <div>
      <div className={s.tabs} role="tablist" aria-label={label} ref={list} onKeyDown={onKey}>
        {tabs.map((t) => (
          <button
            key={t.key}
            id={tabId(t.key)}
            type="button"
            role="tab"
            aria-selected={t.key === current}
            aria-controls={panelId}
            tabIndex={t.key === current ? 0 : -1}
            onClick={() => onChange(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(current)} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
