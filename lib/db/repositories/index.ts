import type { PatchbayDatabase } from '../database';
import { ConnectorsRepository } from './connectors-repository';
import { ConversationsRepository } from './conversations-repository';
import { DecisionsRepository } from './decisions-repository';
import { MessagesRepository } from './messages-repository';
import { ProtocolLogRepository } from './protocol-log-repository';
import { ServerRequestsRepository } from './server-requests-repository';

/** Every repository over one open database; the only way the rest of the code touches tables. */
export interface Repositories {
  connectors: ConnectorsRepository;
  conversations: ConversationsRepository;
  messages: MessagesRepository;
  decisions: DecisionsRepository;
  protocolLog: ProtocolLogRepository;
  serverRequests: ServerRequestsRepository;
}

export function createRepositories(db: PatchbayDatabase): Repositories {
  return {
    connectors: new ConnectorsRepository(db),
    conversations: new ConversationsRepository(db),
    messages: new MessagesRepository(db),
    decisions: new DecisionsRepository(db),
    protocolLog: new ProtocolLogRepository(db),
    serverRequests: new ServerRequestsRepository(db),
  };
}
