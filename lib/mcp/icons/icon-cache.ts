import type { KeyValueArea } from '../../browser/key-value-area';
import { fetchIcon, type IconFetchOptions, type IconFetchResult } from './fetch-icon';

/** A fetched icon is kept a week; a refusal an hour (a server may fix it, but is not asked at every render). */
const KEEP_MS = 7 * 24 * 3600_000;
const KEEP_REFUSAL_MS = 3600_000;
const MAX_IN_MEMORY = 500;
/** Icons kept in storage; the oldest stored goes first, so many servers' icons cannot fill the disk (at most ~30 MB). */
export const MAX_STORED_ICONS = 300;
const INDEX_KEY = 'icons.index';

interface Entry {
  result: IconFetchResult;
  fetchedAt: number;
}

/**
 * Icons by address and the origin of the server that declared them (the loopback rule depends on
 * it), kept in `storage.local` so a restarted worker does not fetch them again, and in memory for
 * the panel's many rows. Concurrent asks for one icon share one fetch.
 */
export class IconCache {
  private readonly memory = new Map<string, Promise<Entry>>();

  constructor(
    private readonly area: KeyValueArea,
    private readonly fetcher: (src: string, options: IconFetchOptions) => Promise<IconFetchResult> = fetchIcon,
    private readonly now: () => number = Date.now,
  ) {}

  async get(src: string, options: IconFetchOptions): Promise<IconFetchResult> {
    const key = `icons.${hash(`${new URL(options.serverUrl).origin} ${src}`)}`;
    const cached = this.memory.get(key);
    if (cached) {
      const entry = await cached;
      if (fresh(entry, this.now())) return entry.result;
    }
    const pending = this.load(key, src, options);
    this.memory.set(key, pending);
    if (this.memory.size > MAX_IN_MEMORY) this.memory.delete(this.memory.keys().next().value!);
    return (await pending).result;
  }

  private async load(key: string, src: string, options: IconFetchOptions): Promise<Entry> {
    const stored = (await this.area.get(key)) as (Entry & { src?: string }) | undefined;
    if (stored && stored.src === src && isEntry(stored) && fresh(stored, this.now())) return stored;
    const entry: Entry = { result: await this.fetcher(src, options), fetchedAt: this.now() };
    await this.area.set(key, { ...entry, src });
    await this.remember(key);
    return entry;
  }

  /** Keeps the list of stored keys, oldest first, and removes what falls off its end. */
  private async remember(key: string): Promise<void> {
    const stored = await this.area.get(INDEX_KEY);
    const keys = (Array.isArray(stored) ? stored.filter((k): k is string => typeof k === 'string') : []).filter((k) => k !== key);
    keys.push(key);
    const dropped = keys.splice(0, Math.max(0, keys.length - MAX_STORED_ICONS));
    await Promise.all(dropped.map((k) => this.area.remove(k)));
    await this.area.set(INDEX_KEY, keys);
  }
}

function fresh(entry: Entry, now: number): boolean {
  return now - entry.fetchedAt < (entry.result.ok ? KEEP_MS : KEEP_REFUSAL_MS);
}

function isEntry(value: { result?: unknown; fetchedAt?: unknown }): value is Entry {
  const result = value.result as { ok?: unknown; base64?: unknown; mimeType?: unknown; reason?: unknown } | undefined;
  if (typeof value.fetchedAt !== 'number' || !result) return false;
  return result.ok === true ? typeof result.base64 === 'string' && typeof result.mimeType === 'string' : result.ok === false && typeof result.reason === 'string';
}

/** FNV-1a, 32 bits, as hex: a short storage key. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (const char of text) value = Math.imul(value ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return value.toString(16).padStart(8, '0');
}
