import { browser } from 'wxt/browser';

/**
 * The slice of `storage.local` that stores need. Secrets go through this adapter only, so tests
 * can swap it and no other code path can read them by accident.
 */
export interface KeyValueArea {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** `browser.storage.local`: private to the extension, never exposed to pages or content scripts. */
export function extensionLocalArea(): KeyValueArea {
  const area = browser.storage.local;
  return {
    async get(key) {
      const found = await area.get(key);
      return found[key];
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}
