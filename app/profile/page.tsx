import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { ProfileForm } from '@/components/profile/profile-form';
import { Card, PageHeader } from '@/components/ui/card';
import { currentUser } from '@/app/_page/current-user';
import { getProfile } from '@/lib/profiles/queries';
import { saveProfileAction } from './actions';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/profile');
  const row = await getProfile(getDb(), user.id);
  const p = row?.profile;
  return (
    <div className="stack" style={{ maxWidth: 720 }}>
      <PageHeader title="Your profile" subtitle="Recruiters of the events you join see this profile. Only they do." />
      <Card>
        <ProfileForm
          save={saveProfileAction}
          initial={{
            name: user.name ?? '',
            headline: p?.headline ?? '',
            bio: p?.bio ?? '',
            languages: (p?.languages ?? []).join(', '),
            experienceLevel: p?.experienceLevel ?? '',
            cvUrl: p?.cvUrl ?? '',
            linkedinUrl: p?.linkedinUrl ?? '',
            websiteUrl: p?.websiteUrl ?? '',
          }}
        />
      </Card>
      <p className="muted small">Signed in as {user.email ?? user.name}.</p>
    </div>
  );
}
