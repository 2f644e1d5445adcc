/**
 * Asks the browser not to evict Patchbay's IndexedDB under storage pressure: conversations and
 * audit logs are the user's records. Returns whether storage is persistent; a refusal is not fatal.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!storage?.persist) return false;
  if (await storage.persisted()) return true;
  return storage.persist().catch(() => false);
}
