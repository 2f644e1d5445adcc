/**
 * A short non-secret text the panel remembers across its own reloads (the page's `localStorage`),
 * so a first screen can be drawn from what was true last time instead of waiting for the
 * background to answer. Never for anything secret: the background owns those.
 */
export interface RememberedText {
  read(): string | null;
  write(value: string): void;
}

export function rememberedText(key: string, store: Storage | undefined = globalThis.localStorage): RememberedText {
  return {
    read: () => {
      try {
        return store?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    write: (value) => {
      try {
        store?.setItem(key, value);
      } catch {
        // A full or refused store only costs the next open its head start.
      }
    },
  };
}
