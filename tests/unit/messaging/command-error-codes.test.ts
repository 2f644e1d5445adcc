import { describe, expect, it } from 'vitest';
import { ConversationImportError } from '@/lib/chat/conversation-export';
import { RunError } from '@/lib/chat/run-errors';
import { OAuthFlowError } from '@/lib/auth/auth-errors';
import { CommandErrorCodeSchema, HandlerErrorCodeSchema, TransportErrorCodeSchema } from '@/lib/contract/error-codes';
import { ConnectorError } from '@/lib/mcp/session/connector-error';
import { sendCommand } from '@/lib/messaging/command-client';
import { CommandError } from '@/lib/messaging/command-error';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';

const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };
const PANEL = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };

/** Sends `chat.rename` to a router whose handler throws `error`, as the panel would. */
async function failureOf(error: unknown): Promise<CommandError> {
  const only: Partial<CommandHandlers> = { 'chat.rename': async () => Promise.reject(error) };
  const route = createCommandRouter(only as CommandHandlers, OWN);
  const thrown = await sendCommand('chat.rename', { conversationId: 'c1', title: 'x' }, async (message) => route(message, PANEL)).catch((e: unknown) => e);
  expect(thrown).toBeInstanceOf(CommandError);
  return thrown as CommandError;
}

describe('error codes across the command boundary', () => {
  it('carries a named error\'s code to the panel, with its message', async () => {
    const error = await failureOf(new RunError('conversation-not-found', 'No conversation c1.'));
    expect(error.code).toBe('conversation-not-found');
    expect(error.message).toBe('No conversation c1.');
    expect((await failureOf(new ConnectorError('unreachable', 'down'))).code).toBe('unreachable');
    expect((await failureOf(new OAuthFlowError('state-mismatch', 'authorization-response', 'bad state'))).code).toBe('state-mismatch');
    expect((await failureOf(new ConversationImportError('bad file'))).code).toBe('invalid-import');
  });

  it('turns an error without a listed code into `failed`, so a server cannot invent codes', async () => {
    expect((await failureOf(new Error('plain'))).code).toBe('failed');
    expect((await failureOf(Object.assign(new Error('x'), { code: 'no-background' }))).code).toBe('failed');
    expect((await failureOf(Object.assign(new Error('x'), { code: 'made-up' }))).code).toBe('failed');
    expect((await failureOf(Object.assign(new Error('x'), { code: 404 }))).code).toBe('failed');
  });

  it('keeps the union closed and each code in one family', () => {
    const all = [...TransportErrorCodeSchema.options, ...HandlerErrorCodeSchema.options];
    expect(new Set(all).size).toBe(all.length);
    expect(CommandErrorCodeSchema.options).toEqual(all);
  });
});
