'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { inviteCompanyAction, inviteRecruiterAction } from '@/app/events/[slug]/manage/actions';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { FormError, SelectField, TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import s from './admin.module.css';

type Option = { id: string; name: string };
/** The page's invite actions, bound to its event (`inviteCompanyAction.bind(null, event.id)`). */
type TInviteCompany = (input: unknown) => ReturnType<typeof inviteCompanyAction>;
type TInviteRecruiter = (input: unknown) => ReturnType<typeof inviteRecruiterAction>;

function values(e: FormEvent<HTMLFormElement>) {
  return Object.fromEntries([...new FormData(e.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

export function InviteCompanyForm({ invite }: { invite: TInviteCompany }) {
  const router = useRouter();
  const [sent, setSent] = useState<string | null>(null);
  const { submit, pending, error, fieldError } = useSubmit(invite, (r) => {
    setSent(r.invited);
    router.refresh();
  });
  return (
    <Card>
      <h2>Invite a new company</h2>
      <form
        className="stack"
        noValidate
        aria-label="Invite a new company"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          submit({ kind: 'new', ...values(e) });
          form.reset();
        }}
      >
        {error && !error.fieldErrors ? <FormError message={error.message} /> : null}
        <TextField label="Company name" name="companyName" required error={fieldError('companyName')} />
        <div className={s.cols}>
          <TextField label="Admin's name" name="adminName" autoComplete="off" error={fieldError('adminName')} />
          <TextField label="Admin's e-mail" name="adminEmail" type="email" required error={fieldError('adminEmail')} />
        </div>
        {sent ? <Alert tone="ok">Invitation e-mailed to {sent}.</Alert> : null}
        <div>
          <Button type="submit" disabled={pending}>{pending ? 'Inviting…' : 'Invite company'}</Button>
        </div>
      </form>
    </Card>
  );
}

export function AddExistingCompanyForm({ invite, options }: { invite: TInviteCompany; options: Option[] }) {
  const router = useRouter();
  const { submit, pending, error, done, fieldError } = useSubmit(invite, () => router.refresh());
  if (options.length === 0) return null;
  return (
    <Card>
      <h2>Add a company from earlier events</h2>
      <form className="stack" noValidate aria-label="Add an existing company" onSubmit={(e) => { e.preventDefault(); submit({ kind: 'existing', ...values(e) }); }}>
        {error && !error.fieldErrors ? <FormError message={error.message} /> : null}
        <SelectField label="Company" name="companyId" defaultValue="" error={fieldError('companyId')}>
          <option value="" disabled>Choose a company…</option>
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </SelectField>
        {done ? <Alert tone="ok">Company added.</Alert> : null}
        <div>
          <Button type="submit" variant="secondary" disabled={pending}>{pending ? 'Adding…' : 'Add company'}</Button>
        </div>
      </form>
    </Card>
  );
}

export function InviteRecruiterForm({ invite, companies }: { invite: TInviteRecruiter; companies: Option[] }) {
  const router = useRouter();
  const [sent, setSent] = useState<string | null>(null);
  const { submit, pending, error, fieldError } = useSubmit(invite, () => router.refresh());
  if (companies.length === 0) return null;
  return (
    <Card>
      <h2>Invite a recruiter</h2>
      <form
        className="stack"
        noValidate
        aria-label="Invite a recruiter"
        onSubmit={(e) => {
          e.preventDefault();
          const v = values(e);
          setSent(v.email ?? null);
          submit(v);
        }}
      >
        {error && !error.fieldErrors ? <FormError message={error.message} /> : null}
        <div className={s.cols}>
          <SelectField label="Company" name="companyId" defaultValue="" error={fieldError('companyId')}>
            <option value="" disabled>Choose a company…</option>
            {companies.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </SelectField>
          <SelectField label="Role" name="role" defaultValue="recruiter" error={fieldError('role')}>
            <option value="recruiter">Recruiter</option>
            <option value="admin">Company admin</option>
          </SelectField>
          <TextField label="Name" name="name" autoComplete="off" error={fieldError('name')} />
          <TextField label="E-mail" name="email" type="email" required error={fieldError('email')} />
        </div>
        {sent && !error && !pending ? <Alert tone="ok">Invitation e-mailed to {sent}.</Alert> : null}
        <div>
          <Button type="submit" disabled={pending}>{pending ? 'Inviting…' : 'Invite recruiter'}</Button>
        </div>
      </form>
    </Card>
  );
}
