import type { PatchbayDatabase } from '../db/database';
import type { ConnectorsRepository } from '../db/repositories/connectors-repository';
import { SavedCallRowSchema } from '../contract/saved-call';
import type { CommandHandlers } from '../messaging/command-router';

export type SavedCallCommandHandlers = Pick<CommandHandlers, 'savedCalls.save' | 'savedCalls.rename' | 'savedCalls.delete'>;

/** Largest input a saved call keeps (as JSON): a saved call is a test case, not a data store. */
export const SAVED_CALL_MAX_BYTES = 256 * 1024;

/** Thrown when a saved call cannot be written; its message is what the dialog shows. */
export class SavedCallError extends Error {
  override readonly name = 'SavedCallError';
  readonly code = 'saved-call';
}

export interface SavedCallDeps {
  db: Pick<PatchbayDatabase, 'savedCalls'>;
  connectors: Pick<ConnectorsRepository, 'get'>;
  now?: () => number;
}

/** Writes of the `savedCalls` table: save (for a tool the connector offers), rename, delete. */
export function createSavedCallCommandHandlers({ db, connectors, now = Date.now }: SavedCallDeps): SavedCallCommandHandlers {
  return {
    'savedCalls.save': async ({ connectorId, toolName, name, args }) => {
      const row = await connectors.get(connectorId);
      if (!row?.tools.some((tool) => tool.name === toolName)) throw new SavedCallError(`The server does not offer a tool named ${toolName}, so the call was not saved.`);
      if (new TextEncoder().encode(JSON.stringify(args)).length > SAVED_CALL_MAX_BYTES) throw new SavedCallError(`The input is larger than ${SAVED_CALL_MAX_BYTES / 1024} KB, so the call was not saved.`);
      const id = crypto.randomUUID();
      await db.savedCalls.add(SavedCallRowSchema.parse({ id, connectorId, toolName, name, args, savedAt: now() }));
      return { id };
    },
    'savedCalls.rename': async ({ id, name }) => {
      const updated = await db.savedCalls.update(id, { name, updatedAt: now() });
      if (updated === 0) throw new SavedCallError('That saved call no longer exists.');
      return {};
    },
    'savedCalls.delete': async ({ id }) => {
      await db.savedCalls.delete(id);
      return {};
    },
  };
}
