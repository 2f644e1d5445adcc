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
import type { EvalSuiteRow } from '../contract/eval-suite';
import type { EvalRunRow } from '../contract/eval-run';
import type { ToolOverrideRow } from '../contract/tool-override';
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
  evalSuites!: EntityTable<EvalSuiteRow, 'id'>;
  evalRuns!: EntityTable<EvalRunRow, 'id'>;
  toolOverrides!: EntityTable<ToolOverrideRow, 'id'>;
  savedCalls!: EntityTable<SavedCallRow, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const step of SCHEMA_VERSIONS) {
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
  }
}
