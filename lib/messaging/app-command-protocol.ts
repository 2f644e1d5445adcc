import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppCallAnswerSchema, AppCallDecisionSchema, AppCallRequestSchema } from '../contract/app-call';
import { AppHostSchema, AppResourceOutcomeSchema } from '../contract/app-resource';

/**
 * MCP Apps' commands. The panel renders an app and relays what it asks; every request an app
 * makes is judged and carried out here, in the background, by the same rules as the model's.
 */
export const appCommandProtocol = {
  /** The tool's app page (cached per connector and tool definition), or why it cannot be shown. */
  'apps.resource': { request: z.object({ connectorId: z.string(), toolName: z.string() }), response: AppResourceOutcomeSchema },
  /** An app's `tools/call`: refused, run, or held for the user's decision (see `AppCallAnswerSchema`). */
  'apps.callTool': { request: AppCallRequestSchema, response: AppCallAnswerSchema },
  /** The user's decision on an app call's card; answers the result the app receives. */
  'apps.decide': { request: AppCallDecisionSchema, response: z.object({ result: CallToolResultSchema }) },
  /**
   * An app's `ui/message` (`kind: 'message'`, starts a turn) or `ui/update-model-context`
   * (`'context'`, kept for the model's next turn), added by the user's click to the chat as the
   * app's words, which the model reads as data.
   */
  'apps.message': {
    request: z.object({ host: AppHostSchema, kind: z.enum(['message', 'context']).default('message'), text: z.string().trim().min(1).max(20_000), panelSessionId: z.string().optional() }),
    response: z.object({}),
  },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
