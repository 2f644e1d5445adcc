import { describe, expect, it } from 'vitest';
import { validateExport, type ConversationExport } from '@/lib/chat/conversation-export';
import { conversationToMarkdown } from '@/lib/chat/conversation-markdown';
import { toModelMessages } from '@/lib/chat/model-input';
import { shareableExport } from '@/lib/chat/shareable-export';
import { buildModelTools } from '@/lib/llm/model-tools';
import { sampleExport } from './conversation-export-fixture';

const URL_WITH_KEY = 'https://mcp.example/token/live-path-1/mcp?api_key=live-key-2';

/** The sample conversation, with a connector URL's credentials in every place an error or a server can put them. */
function leakyExport(): ConversationExport {
  const data = sampleExport();
  const assistant = data.messages[1]!;
  assistant.parts = assistant.parts.map((part) => {
    switch (part.type) {
      case 'tool-result':
        return { ...part, isError: true, result: { isError: true, content: [{ type: 'text', text: `The tool call failed: Could not reach ${URL_WITH_KEY}. Is the server running?` }] } };
      case 'error':
        return { ...part, message: `Lost the event stream from ${URL_WITH_KEY}: closed` };
      case 'text':
        return part.status.type === 'incomplete' ? { ...part, status: { type: 'incomplete', reason: { code: 'error', message: `Failed at https://u:live-pass-3@mcp.example/mcp` } } } : part;
      default:
        return part;
    }
  });
  data.conversation.model = { baseUrl: 'https://llm.example/v1?key=live-key-4', model: 'qwen' };
  return data;
}

describe('credentials in URLs, in the chat', () => {
  it('never reach the model’s context', () => {
    const data = leakyExport();
    // A call that ended without a result answers with its reason.
    data.messages[1]!.parts = data.messages[1]!.parts.filter((part) => part.type !== 'tool-result');
    const call = data.messages[1]!.parts.find((part) => part.type === 'tool-call')!;
    call.status = { type: 'incomplete', reason: { code: 'error', message: `The tool call failed: Could not reach ${URL_WITH_KEY}` } };
    const withResult = leakyExport();
    for (const history of [data.messages, withResult.messages]) {
      const text = JSON.stringify(toModelMessages(history, buildModelTools([]), 16_000));
      expect(text).toContain('mcp.example');
      expect(text).not.toMatch(/live-/);
    }
  });

  it('never reach the JSON or Markdown export, and the JSON still imports', () => {
    const shared = shareableExport(leakyExport());
    expect(JSON.stringify(shared)).not.toMatch(/live-/);
    expect(() => validateExport(shared)).not.toThrow();
    const markdown = conversationToMarkdown(leakyExport());
    expect(markdown).toContain('mcp.example');
    expect(markdown).not.toMatch(/live-/);
  });
});
