import type { TDemoPerson } from '@/lib/auth/demo-people';
import s from './demo-people.module.css';

const GROUPS: TDemoPerson['group'][] = ['Organizer', 'Moderator', 'Recruiters', 'Talents'];

/** `signIn` is the page's demo sign-in server action (a form action taking userId and callbackUrl). */
export function DemoPeople({ people, callbackUrl, signIn }: { people: TDemoPerson[]; callbackUrl: string; signIn: (form: FormData) => Promise<void> }) {
  return (
    <div className={s.groups}>
      {GROUPS.map((group) => {
        const inGroup = people.filter((p) => p.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} aria-label={group}>
            <h3>{group}</h3>
            <ul className={s.list}>
              {inGroup.map((p) => (
                <li key={p.id}>
                  <form action={signIn}>
                    <input type="hidden" name="userId" value={p.id} />
                    <input type="hidden" name="callbackUrl" value={callbackUrl} />
                    {/* The name holds all the visible text (WCAG 2.5.3): "Sign in as Nora Visser, Northwind Analytics". */}
                    <button type="submit" className={s.person} aria-label={`Sign in as ${p.name}, ${p.company ?? p.headline}`}>
                      <span className={s.name}>{p.name}</span>
                      <span className={s.sub}>{p.company ?? p.headline}</span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
