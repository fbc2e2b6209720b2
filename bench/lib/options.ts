/** A positive whole-number option: `--name N` on the command line, else the env variable, else the default. */
export function intOption(name: string, fallback: number, envName?: string): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : envName ? process.env[envName] : undefined;
  const n = Number.parseInt(raw ?? '', 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** A `--name value` option as text, or the fallback. */
export function textOption(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : undefined) ?? fallback;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
