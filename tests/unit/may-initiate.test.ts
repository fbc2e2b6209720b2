import { initiateBlock, mayInitiate } from '@/lib/chats/chat-rules';

type TStatus = 'draft' | 'published' | 'live' | 'ended';
type TInitiation = 'talents' | 'recruiters' | 'both';

// The whole matrix: the page's buttons and the use-cases read the same function.
describe('who may start a 1-1 chat', () => {
  const statuses: TStatus[] = ['draft', 'published', 'live', 'ended'];
  const rules: TInitiation[] = ['talents', 'recruiters', 'both'];
  for (const status of statuses) {
    for (const chatInitiation of rules) {
      for (const who of ['talent', 'recruiter'] as const) {
        const open = status === 'published' || status === 'live';
        const allowed = open && (chatInitiation === 'both' || chatInitiation === `${who}s`);
        it(`${who} in a ${status} event where ${chatInitiation} start: ${allowed ? 'may' : 'may not'}`, () => {
          const event = { status, chatInitiation };
          expect(mayInitiate(event, who)).toBe(allowed);
          const block = initiateBlock(event, who);
          if (allowed) expect(block).toBeNull();
          else expect(block?.code).toBe(open ? 'forbidden' : 'not_allowed_now');
        });
      }
    }
  }
});
