import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_CHANNEL, CommandReplySchema, commandProtocol, type CommandName } from '@/lib/messaging/command-protocol';
import { createCommandRouter, type CommandHandlers } from '@/lib/messaging/command-router';

const RUNS = { numRuns: 200 };
const EXTENSION_ID = 'patchbay-test-id';
const OWN = { id: EXTENSION_ID, origin: `chrome-extension://${EXTENSION_ID}/` };
const PANEL = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };
const NAMES = Object.keys(commandProtocol) as CommandName[];

/** A named error, the way lib/ fails: the router must hand its message on, not a TypeError's. */
class HandlerRefusedError extends Error {
  override readonly name = 'HandlerRefusedError';
  readonly code = 'refused';
}

/**
 * Every command, each handler checking that it got what its schema accepts, then answering one of
 * three ways: a named error, a response its schema refuses (a bug in a handler), or an empty object.
 */
function handlers(answer: () => 'throw' | 'bad-response' | 'empty', seen: { name: CommandName; request: unknown }[]): CommandHandlers {
  return Object.fromEntries(
    NAMES.map((name) => [
      name,
      async (request: unknown) => {
        seen.push({ name, request });
        switch (answer()) {
          case 'throw':
            throw new HandlerRefusedError(`${name} refused it.`);
          case 'bad-response':
            return { unexpected: Symbol.for('not a response') };
          case 'empty':
            return {};
        }
      },
    ]),
  ) as unknown as CommandHandlers;
}

/** Payloads near each command's shape: ids, texts, flags and records in the usual fields, or anything at all. */
const payload = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: fc.oneof(fc.string(), fc.anything()),
      conversationId: fc.oneof(fc.string(), fc.anything()),
      callId: fc.oneof(fc.string(), fc.anything()),
      toolName: fc.oneof(fc.string(), fc.anything()),
      text: fc.oneof(fc.string(), fc.anything()),
      title: fc.oneof(fc.string({ maxLength: 250 }), fc.anything()),
      args: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.anything()),
      editedArgs: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.anything()),
      decision: fc.constantFrom('allow', 'deny', 'maybe'),
      remembered: fc.oneof(fc.boolean(), fc.anything()),
      enabled: fc.oneof(fc.boolean(), fc.anything()),
      connectorIds: fc.oneof(fc.array(fc.string()), fc.anything()),
      keepId: fc.anything(),
      label: fc.string(),
      url: fc.oneof(fc.webUrl(), fc.string()),
      transport: fc.constantFrom('auto', 'streamable-http', 'sse', 'carrier-pigeon'),
      auth: fc.constantFrom('none', 'oauth', 'bearer', 'headers', 'kerberos'),
      timeoutSeconds: fc.oneof(fc.integer(), fc.double()),
      omitOrigin: fc.anything(),
      apiKey: fc.string(),
      baseUrl: fc.oneof(fc.webUrl(), fc.string()),
      model: fc.string(),
      keepDecisionsAcrossReloads: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

const envelope = fc.record(
  { channel: fc.constant(COMMAND_CHANNEL), command: fc.oneof(fc.constantFrom(...NAMES, '__proto__', 'constructor', 'toString', 'hasOwnProperty'), fc.string()), payload },
  { requiredKeys: ['channel'] },
);

describe('the command router, whatever a page sends', () => {
  it('always answers with a reply that parses; a refusal carries a code and a non-empty message, never a TypeError', async () => {
    const seen: { name: CommandName; request: unknown }[] = [];
    await fc.assert(
      fc.asyncProperty(fc.oneof(envelope, fc.anything()), fc.constantFrom('throw', 'bad-response', 'empty') as fc.Arbitrary<'throw' | 'bad-response' | 'empty'>, async (message, answer) => {
        seen.length = 0;
        const route = createCommandRouter(handlers(() => answer, seen), OWN);
        const pending = route(message, PANEL);
        if (pending === undefined) {
          expect((message as { channel?: unknown } | null)?.channel).not.toBe(COMMAND_CHANNEL);
          return;
        }
        const reply = CommandReplySchema.parse(await pending);
        if (!reply.ok) {
          expect(reply.error.message.trim()).not.toBe('');
          expect(reply.error.message).not.toMatch(/TypeError|is not a function|Cannot read prop/);
        }
        // A handler only ever sees a request its command's schema accepts.
        for (const call of seen) expect(commandProtocol[call.name].request.safeParse(call.request).success).toBe(true);
      }),
      RUNS,
    );
  });
});
