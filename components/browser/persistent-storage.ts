/**
 * Asks the browser not to evict Patchbay's IndexedDB under storage pressure: conversations and
 * audit logs are the user's records. Returns whether storage is persistent; a refusal is not fatal.
 */
export async function requestPersistentStorage(manager: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  if (!manager?.persist) return false;
  if (await manager.persisted()) return true;
  return manager.persist().catch(() => false);
}
