import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NotificationList } from '@/components/layout/notification-list';
import { PageHeader } from '@/components/ui/card';
import { currentUser } from '@/app/_page/current-user';
import { markAllReadAction, markReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/notifications');
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <PageHeader title="Notifications" />
      <NotificationList userId={user.id} markAllRead={markAllReadAction} markRead={markReadAction} />
    </div>
  );
}
