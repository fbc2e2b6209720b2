import Link from 'next/link';
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import s from './ui.module.css';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

export function Button({ variant = 'primary', className, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button className={`${s.button} ${s[variant]} ${className ?? ''}`} {...rest} />;
}

export function ButtonLink({ href, variant = 'primary', children }: { href: string; variant?: Variant; children: ReactNode }) {
  return (
    <Link href={href} className={`${s.button} ${s[variant]}`}>
      {children}
    </Link>
  );
}
