import type { Db } from '@/db/client';
import { createSession } from '@/lib/sessions/save-session';
import { actor, type demoFair } from './chat-fixtures';

export const ORGANIZER = actor('demo-organizer');
export const HOST = 'demo-recruiter-1-1';
export const talent = (n: number) => `demo-talent-${String(n).padStart(2, '0')}`;

type TFair = Awaited<ReturnType<typeof demoFair>>;

/** A session on the fair's second day (tomorrow), by the organizer, hosted by a Northwind recruiter. */
export async function makeSession(db: Db, fair: TFair, over: Record<string, unknown> = {}): Promise<string> {
  const { sessionId } = await createSession(db, ORGANIZER, fair.event.id, {
    title: 'Data careers workshop',
    description: 'How we hire analysts.',
    kind: 'workshop',
    companyId: '',
    date: fair.day.date,
    startTime: '10:00',
    endTime: '11:00',
    capacity: '',
    signUpRequired: false,
    stageLimit: '2',
    hostIds: [HOST],
    ...over,
  });
  return sessionId;
}
