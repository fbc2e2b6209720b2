import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { DescriptionForm } from '@/components/sessions/description-form';
import { SessionList } from '@/components/sessions/session-list';
import { Card } from '@/components/ui/card';
import { loadEventForPage } from '@/app/_page/load-event';
import { sessionCard } from '@/lib/sessions/queries';
import { sessionViewer } from '@/lib/sessions/viewer';
import { cancelSignUpAction, editDescriptionAction, signUpAction } from '../actions';
import s from '@/components/sessions/sessions.module.css';

export async function generateMetadata({ params }: { params: Promise<{ slug: string; sessionId: string }> }): Promise<Metadata> {
  const { slug, sessionId } = await params;
  if (!z.uuid().safeParse(sessionId).success) return {};
  const { event, user } = await loadEventForPage(slug);
  const card = await sessionCard(getDb(), sessionId, user?.id ?? null);
  return card && card.session.eventId === event.id ? { title: card.session.title } : {};
}

export default async function SessionPage({ params }: { params: Promise<{ slug: string; sessionId: string }> }) {
  const { slug, sessionId } = await params;
  if (!z.uuid().safeParse(sessionId).success) notFound();
  const { event, user, roles, canManage } = await loadEventForPage(slug);
  const db = getDb();
  const [card, viewer] = await Promise.all([sessionCard(db, sessionId, user?.id ?? null), sessionViewer(db, user, event.id, roles, canManage)]);
  if (!card || card.session.eventId !== event.id) notFound();
  const canEdit = (card.isHost || canManage) && !card.session.cancelledAt;
  return (
    <div className="stack">
      <p className="small">
        <Link href={`/events/${slug}/sessions`}>← Programme</Link>
      </p>
      <SessionList cards={[card]} linkTitles={false} slug={slug} timeZone={event.timeZone} viewer={viewer} actions={{ signUp: signUpAction, cancel: cancelSignUpAction }} />
      <Card>
        <h2 style={{ marginTop: 0 }}>About this session</h2>
        {canEdit ? (
          <DescriptionForm sessionId={card.session.id} initial={card.session.description} action={editDescriptionAction} />
        ) : (
          <p className={s.description}>{card.session.description || 'The hosts have not written a description yet.'}</p>
        )}
        {!user ? <p className="muted small"><Link href={`/signin?callbackUrl=${encodeURIComponent(`/events/${slug}/sessions/${sessionId}`)}`}>Sign in</Link> to sign up.</p> : null}
        {user && roles.length === 0 ? <p className="muted small">Register for the event in the <Link href={`/events/${slug}`}>Lobby</Link> to sign up for sessions.</p> : null}
      </Card>
    </div>
  );
}
