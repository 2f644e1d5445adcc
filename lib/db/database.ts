import Dexie, { type EntityTable } from 'dexie';
import type {
  AuditRow,
  ConnectorRow,
  ConversationRow,
  DecisionRow,
  MessageRow,
  ProtocolFrameRow,
  ProtocolLogStatsRow,
} from './rows';
import type { ServerRequestRow } from '../contract/server-request';
import type { SavedCallRow } from '../contract/saved-call';
import { SCHEMA_VERSIONS } from './schema-versions';

export const DATABASE_NAME = 'patchbay';

/** The one IndexedDB database: the background writes it, the panel reads it with live queries. */
export class PatchbayDatabase extends Dexie {
  connectors!: EntityTable<ConnectorRow, 'id'>;
  conversations!: EntityTable<ConversationRow, 'id'>;
  messages!: EntityTable<MessageRow, 'id'>;
  decisions!: EntityTable<DecisionRow, 'id'>;
  audit!: EntityTable<AuditRow, 'id'>;
  protocolLog!: EntityTable<ProtocolFrameRow, 'id'>;
  protocolLogStats!: EntityTable<ProtocolLogStatsRow, 'connectorId'>;
  serverRequests!: EntityTable<ServerRequestRow, 'id'>;
  savedCalls!: EntityTable<SavedCallRow, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const step of SCHEMA_VERSIONS) {
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}
