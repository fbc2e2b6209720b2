'use client';
import type { FormEvent } from 'react';
import type { saveProfileAction } from '@/app/profile/actions';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { FormError, SelectField, TextArea, TextField } from '@/components/ui/field';
import { useSubmit } from '@/components/ui/use-submit';
import { EXPERIENCE_LEVELS, type TProfileInput } from '@/lib/profiles/schemas';

export type TProfileValues = { name: string; headline: string; bio: string; languages: string; experienceLevel: string; cvUrl: string; linkedinUrl: string; websiteUrl: string };

/** `save` is the page's saveProfileAction. */
export function ProfileForm({ initial, save }: { initial: TProfileValues; save: typeof saveProfileAction }) {
  const { submit, pending, error, done, fieldError } = useSubmit(save);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = Object.fromEntries([...f.entries()].map(([k, v]) => [k, String(v)])) as unknown as TProfileInput;
    submit(input);
  };
  return (
    <form onSubmit={onSubmit} className="stack" noValidate aria-label="Profile">
      <FormError message={error && !error.fieldErrors ? error.message : undefined} />
      <TextField label="Name" name="name" defaultValue={initial.name} autoComplete="name" required error={fieldError('name')} />
      <TextField label="Headline" name="headline" defaultValue={initial.headline} maxLength={140} hint="One line recruiters see first, e.g. “Data analyst moving into ML”." error={fieldError('headline')} />
      <TextArea label="About you" name="bio" defaultValue={initial.bio} error={fieldError('bio')} />
      <TextField label="Languages" name="languages" defaultValue={initial.languages} hint="Separate with commas: English, German" error={fieldError('languages')} />
      <SelectField label="Experience level" name="experienceLevel" defaultValue={initial.experienceLevel} error={fieldError('experienceLevel')}>
        <option value="">Prefer not to say</option>
        {EXPERIENCE_LEVELS.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </SelectField>
      <TextField label="CV link" name="cvUrl" type="url" defaultValue={initial.cvUrl} placeholder="https://…" error={fieldError('cvUrl')} />
      <TextField label="LinkedIn" name="linkedinUrl" type="url" defaultValue={initial.linkedinUrl} placeholder="https://www.linkedin.com/in/…" error={fieldError('linkedinUrl')} />
      <TextField label="Website or portfolio" name="websiteUrl" type="url" defaultValue={initial.websiteUrl} placeholder="https://…" error={fieldError('websiteUrl')} />
      {done ? <Alert tone="ok">Profile saved.</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save profile'}
        </Button>
      </div>
    </form>
  );
}
