import s from './companies.module.css';

export function CompanyLogo({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
  return (
    <span className={s.logo} aria-hidden="true">
      {initials}
    </span>
  );
}
