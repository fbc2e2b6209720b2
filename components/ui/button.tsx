import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import s from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

// ComponentProps includes `ref` (React 19 passes it as a prop): inline forms return focus to their button.
export function Button({ variant = 'primary', className, ...rest }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button className={`${s.button} ${s[variant]} ${className ?? ''}`} {...rest} />;
}

export function ButtonLink({ href, variant = 'primary', children }: { href: string; variant?: Variant; children: ReactNode }) {
  return (
    <Link href={href} className={`${s.button} ${s[variant]}`}>
      {children}
    </Link>
  );
}
