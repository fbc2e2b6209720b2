import { offsetMinutesAt } from './offsets';

/**
 * Node's Intl (ICU/CLDR) still resolves many zones to names IANA has since renamed
 * (Asia/Calcutta for Asia/Kolkata, Europe/Kiev for Europe/Kyiv) or merged into another zone.
 * We store and offer the current IANA name; Intl accepts both.
 */
const CURRENT_NAME: Record<string, string> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of any zone name Intl accepts (any case, old aliases, Etc/UTC); undefined if none. */
export function canonicalTimeZone(name: string): string | undefined {
  if (!name || name.length > 64) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  return CURRENT_NAME[resolved] ?? resolved;
}

export function isTimeZone(name: string): boolean {
  return canonicalTimeZone(name) !== undefined;
}

export type TZoneOption = { id: string; label: string };

function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? '−' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "Kolkata (India Standard Time, UTC+05:30)": the city, the zone's generic name, its offset now. */
export function zoneOptionLabel(id: string, at: Date = new Date()): string {
  const city = (id.split('/').pop() ?? id).replace(/_/g, ' ');
  const generic = new Intl.DateTimeFormat('en-GB', { timeZone: id, timeZoneName: 'longGeneric' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  const region = id.includes('/') ? ` — ${id.split('/')[0]!.replace(/_/g, ' ')}` : '';
  const offset = offsetLabel(offsetMinutesAt(at.getTime(), id));
  return `${city}${region} (${generic && !generic.startsWith('GMT') ? `${generic}, ` : ''}${offset})`;
}

// Labels name today's offset: rebuilt when the UTC date changes (about 400 zones, a few ms).
let cached: { day: string; options: TZoneOption[] } | undefined;

/** Every zone, by its current name, with a label a person recognises; UTC first. */
export function listTimeZones(at: Date = new Date()): TZoneOption[] {
  const day = at.toISOString().slice(0, 10);
  if (cached?.day === day) return cached.options;
  const options = [
    { id: 'UTC', label: 'UTC (Coordinated Universal Time)' },
    ...[...new Set(Intl.supportedValuesOf('timeZone').map((z) => canonicalTimeZone(z)!))]
      .filter((z) => z !== 'UTC')
      .sort()
      .map((id) => ({ id, label: zoneOptionLabel(id, at) })),
  ];
  cached = { day, options };
  return options;
}
