import { Badge } from './card';

const LABEL = { virtual: 'Virtual', in_person: 'In person', hybrid: 'Hybrid' } as const;

/** How a day or chat takes place: on video, on site, or (days only) as each recruiter chooses. */
export function ModeBadge({ mode }: { mode: keyof typeof LABEL }) {
  return <Badge tone={mode === 'in_person' ? undefined : 'brand'}>{LABEL[mode]}</Badge>;
}
