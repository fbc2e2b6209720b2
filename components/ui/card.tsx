import type { ReactNode } from 'react';
import s from './ui.module.css';

export function Card({ children, className, as: Tag = 'section' }: { children: ReactNode; className?: string; as?: 'section' | 'article' | 'div' }) {
  return <Tag className={`${s.card} ${className ?? ''}`}>{children}</Tag>;
}

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className={s.pageHeader}>
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="muted">{subtitle}</p> : null}
      </div>
      {actions ? <div className="row">{actions}</div> : null}
    </header>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={s.empty}>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function Badge({ children, tone }: { children: ReactNode; tone?: 'brand' | 'ok' | 'warn' }) {
  const toneClass = tone === 'brand' ? s.badgeBrand : tone === 'ok' ? s.badgeOk : tone === 'warn' ? s.badgeWarn : '';
  return <span className={`${s.badge} ${toneClass}`}>{children}</span>;
}

export function Alert({ tone, children }: { tone: 'error' | 'ok' | 'info' | 'warn'; children: ReactNode }) {
  const cls = { error: s.alertError, ok: s.alertOk, info: s.alertInfo, warn: s.alertWarn }[tone];
  return (
    <div className={`${s.alert} ${cls}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
