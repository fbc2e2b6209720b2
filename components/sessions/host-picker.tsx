'use client';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { THostCandidate } from '@/lib/sessions/manage-queries';
import ui from '@/components/ui/ui.module.css';
import s from './sessions.module.css';

const labelOf = (c: THostCandidate) => (c.company ? `${c.name} — ${c.company}` : c.name);

/**
 * Choosing a session's hosts among everyone registered (dozens of people): a filter box over a
 * list of checkboxes, the chosen ones above as removable chips. Enter in the filter picks the
 * one person it leaves (and never submits the form).
 */
export function HostPicker({ candidates, value, onChange, error }: {
  candidates: THostCandidate[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const filterRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const chosen = useMemo(() => new Set(value), [value]);
  const byId = useMemo(() => new Map(candidates.map((c) => [c.id, c])), [candidates]);
  const q = query.trim().toLocaleLowerCase();
  const shown = q ? candidates.filter((c) => labelOf(c).toLocaleLowerCase().includes(q)) : candidates;
  const toggle = (hostId: string) => onChange(chosen.has(hostId) ? value.filter((v) => v !== hostId) : [...value, hostId]);
  const onFilterKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (shown.length === 1) {
      toggle(shown[0]!.id);
      setQuery('');
    }
  };
  return (
    <div className={ui.field} role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <span className={ui.label} id={`${id}-label`}>Hosts</span>
      {value.length ? (
        <ul className={s.chips} aria-label="Chosen hosts">
          {value.map((hostId) => {
            const c = byId.get(hostId);
            const name = c ? labelOf(c) : hostId;
            return (
              <li key={hostId} className={s.chip}>
                {name}
                <button type="button" aria-label={`Remove ${c?.name ?? hostId} from the hosts`} onClick={() => { toggle(hostId); filterRef.current?.focus(); }}>×</button>
              </li>
            );
          })}
        </ul>
      ) : <span className="small muted">No host chosen yet.</span>}
      <input
        ref={filterRef}
        type="search"
        className={ui.input}
        aria-label="Find a host"
        placeholder="Type a name or company"
        value={query}
        aria-controls={`${id}-list`}
        aria-invalid={!!error}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onFilterKey}
      />
      <div id={`${id}-list`} className={s.hostList} aria-label="People who may host" role="group">
        {shown.length === 0 ? <p className="small muted" style={{ margin: 0 }}>No one registered matches “{query.trim()}”.</p> : null}
        {shown.map((c) => (
          <label key={c.id} className={s.hostOption}>
            <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} /> {labelOf(c)}
          </label>
        ))}
      </div>
      <span className={ui.hint} id={`${id}-hint`} aria-live="polite">
        The company’s recruiters or anyone registered. {value.length} chosen{q ? `; ${shown.length} of ${candidates.length} people match` : ''}.
      </span>
      {error ? <span className={ui.error} role="alert">{error}</span> : null}
    </div>
  );
}
