import type { AppCalls } from '../apps/app-calls';
import type { AppResources } from '../apps/app-resources';
import type { CommandHandlers } from '../messaging/command-router';
import { appMessageText } from '../apps/app-message-text';

export type AppCommandHandlers = Pick<CommandHandlers, 'apps.resource' | 'apps.callTool' | 'apps.decide' | 'apps.message'>;

export interface AppCommandDeps {
  resources: Pick<AppResources, 'forTool'>;
  calls: Pick<AppCalls, 'call' | 'decide'>;
  /** The chat's own send: an app's message starts a run like the user's, framed as the app's. */
  send: CommandHandlers['chat.send'];
  /** Stores context for the model's next turn in the conversation, without starting one. */
  keepContext(conversationId: string, text: string): Promise<void>;
}

/** MCP Apps' commands (see lib/messaging/app-command-protocol.ts), carried out in the background. */
export function createAppCommandHandlers(deps: AppCommandDeps): AppCommandHandlers {
  return {
    'apps.resource': ({ connectorId, toolName }) => deps.resources.forTool(connectorId, toolName),
    'apps.callTool': (request) => deps.calls.call(request),
    'apps.decide': async (decision) => ({ result: await deps.calls.decide(decision) }),
    'apps.message': async ({ host, kind, text, panelSessionId }) => {
      if (host.type !== 'chat-call') throw new Error('An app shown in a hand run has no conversation to write to.');
      const framed = appMessageText(host.toolName, text, kind);
      if (kind === 'context') {
        await deps.keepContext(host.conversationId, framed);
        return {};
      }
      return deps.send({ conversationId: host.conversationId, text: framed, panelSessionId });
    },
  };
}
