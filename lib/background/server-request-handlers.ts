import type { CommandHandlers } from '../messaging/command-router';
import type { ServerRequestBroker } from '../requests/server-request-broker';

/** The commands that answer server requests (see `serverRequestCommandProtocol`). */
export type ServerRequestCommandHandlers = Pick<CommandHandlers, 'serverRequests.answer'>;

export function createServerRequestHandlers(broker: Pick<ServerRequestBroker, 'answer'>): ServerRequestCommandHandlers {
  return {
    'serverRequests.answer': async (input) => {
      await broker.answer(input);
      return {};
    },
  };
}
