import { describe, expect, it } from 'vitest';
import { conversationToMarkdown } from '@/lib/chat/conversation-markdown';
import { ConversationImportError, parseConversationExport, serializeExport } from '@/lib/chat/conversation-export';
import { MAX_SYSTEM_PROMPT_CHARS } from '@/lib/contract/system-prompt';
import { sampleExport } from './conversation-export-fixture';

function withPromptAndReplaced() {
  const data = sampleExport();
  data.conversation.systemPrompt = 'Answer in French.\n```\nnot a fence end';
  data.conversation.replacedTurns = [
    { replacedAt: 1, why: 'regenerated', messages: [{ role: 'assistant', parts: [{ id: 'p', type: 'text', text: 'Old answer.', status: { type: 'complete' } }], createdAt: 1 }] },
  ];
  return data;
}

describe('system prompt and replaced turns in export, import and Markdown', () => {
  it('round-trips through the JSON export, validated', () => {
    const back = parseConversationExport(serializeExport(withPromptAndReplaced()));
    expect(back.conversation.systemPrompt).toBe('Answer in French.\n```\nnot a fence end');
    expect(back.conversation.replacedTurns?.[0]?.messages[0]?.parts[0]).toMatchObject({ text: 'Old answer.' });
  });

  it('refuses a file whose system prompt is too long or whose replaced turns are malformed, saying where', () => {
    const long = withPromptAndReplaced();
    long.conversation.systemPrompt = 'x'.repeat(MAX_SYSTEM_PROMPT_CHARS + 1);
    expect(() => parseConversationExport(serializeExport(long))).toThrow(ConversationImportError);
    expect(() => parseConversationExport(serializeExport(long))).toThrow(/systemPrompt/);
    const bad = JSON.parse(serializeExport(withPromptAndReplaced()));
    bad.conversation.replacedTurns[0].why = 'deleted';
    expect(() => parseConversationExport(JSON.stringify(bad))).toThrow(/replacedTurns/);
    bad.conversation.systemPrompt = 42;
    expect(() => parseConversationExport(JSON.stringify(bad))).toThrow(ConversationImportError);
  });

  it('the Markdown shows the system prompt in a fence its content cannot close, and says turns were replaced', () => {
    const md = conversationToMarkdown(withPromptAndReplaced());
    expect(md).toContain('## System prompt\n\n````text\nAnswer in French.\n```\nnot a fence end\n````');
    expect(md).toContain('1 earlier turn was replaced by Edit & Resend or Regenerate; the JSON export keeps it.');
    expect(md.indexOf('## System prompt')).toBeLessThan(md.indexOf('## You'));
  });
});
