import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '@/components/browser/persistent-storage';

function fakeStorage(persisted: boolean, persist: () => Promise<boolean>) {
  return { persisted: vi.fn(async () => persisted), persist: vi.fn(persist) } as unknown as StorageManager & {
    persist: ReturnType<typeof vi.fn>;
  };
}

describe('requestPersistentStorage', () => {
  it('asks the browser when storage is not yet persistent', async () => {
    const storage = fakeStorage(false, async () => true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again once storage is persistent', async () => {
    const storage = fakeStorage(true, async () => true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('treats a refusal or a failure as best-effort storage, not an error', async () => {
    expect(await requestPersistentStorage(fakeStorage(false, async () => false))).toBe(false);
    expect(await requestPersistentStorage(fakeStorage(false, () => Promise.reject(new Error('no prompt'))))).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBe(false);
  });
});
