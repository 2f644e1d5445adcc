import type { MessagePart, PartStatus } from '../db/message-parts';
import type { MessageRow } from '../db/rows';
import type { ConversationExport } from './conversation-export';
import type { PartOf } from './parts';
import { shareableExport } from './shareable-export';
import { attachmentsMarkdown } from './attachment-markdown';
import { fence } from './markdown-fence';

export { fence };

/** Results longer than this are cut in the Markdown; the JSON export always keeps them whole. */
export const MARKDOWN_RESULT_LIMIT = 20_000;

const ROLE_HEADING: Record<MessageRow['role'], string> = { user: 'You', assistant: 'Assistant', tool: 'Tool' };

const APPROVAL_LINE: Record<PartOf<'approval'>['decision'], string> = {
  pending: 'Pending approval',
  allow: 'Approved',
  deny: 'Denied',
};

/** Results and approvals by `callId`, so each is written under its call wherever it is stored. */
interface CallSiblings {
  results: Map<string, PartOf<'tool-result'>>;
  approvals: Map<string, PartOf<'approval'>>;
  calls: Set<string>;
}

/**
 * A readable transcript for people, not for re-import: content is written as data (text as is,
 * everything else in fences long enough that the content cannot close them), credentials in
 * URLs redacted (see {@link shareableExport}).
 */
export function conversationToMarkdown(exported: ConversationExport): string {
  const data = shareableExport(exported);
  const siblings = collectSiblings(data.messages);
  const blocks = [`# ${oneLine(data.conversation.title) || 'Untitled conversation'}`];
  const model = data.conversation.model;
  if (model) blocks.push(`*Model: ${model.model} (${model.baseUrl})*`);
  if (data.conversation.systemPrompt) blocks.push('## System prompt', fence(data.conversation.systemPrompt, 'text'));
  const replaced = data.conversation.replacedTurns?.length ?? 0;
  if (replaced > 0) blocks.push(`*${replaced} earlier ${replaced === 1 ? 'turn was' : 'turns were'} replaced by Edit & Resend or Regenerate; the JSON export keeps ${replaced === 1 ? 'it' : 'them'}.*`);
  for (const message of data.messages) {
    const body = [...message.parts.flatMap((part) => renderPart(part, siblings)), ...attachmentsMarkdown(message.attachments ?? [])];
    if (body.length === 0) continue;
    blocks.push(`## ${ROLE_HEADING[message.role]}`, ...body);
    if (message.usage) blocks.push(`*Tokens: ${message.usage.inputTokens} in, ${message.usage.outputTokens} out*`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function collectSiblings(messages: readonly MessageRow[]): CallSiblings {
  const siblings: CallSiblings = { results: new Map(), approvals: new Map(), calls: new Set() };
  for (const part of messages.flatMap((message) => message.parts)) {
    if (part.type === 'tool-call') siblings.calls.add(part.callId);
    if (part.type === 'tool-result' && !siblings.results.has(part.callId)) siblings.results.set(part.callId, part);
    if (part.type === 'approval' && !siblings.approvals.has(part.callId)) siblings.approvals.set(part.callId, part);
  }
  return siblings;
}

function renderPart(part: MessagePart, siblings: CallSiblings): string[] {
  switch (part.type) {
    case 'text':
      return withStatus([part.text], part.status);
    case 'reasoning':
      return withStatus([blockquote(`*Reasoning*\n\n${part.text}`)], part.status);
    case 'tool-call':
      return renderCall(part, siblings);
    case 'tool-result':
      // Written under its call; only a result whose call is missing stands on its own.
      return siblings.calls.has(part.callId) ? [] : renderResult(part);
    case 'approval':
      return siblings.calls.has(part.callId) ? [] : [approvalLine(part)];
    case 'error':
      return withStatus([blockquote(`**Error:** ${part.message}`)], part.status);
  }
}

function renderCall(part: PartOf<'tool-call'>, siblings: CallSiblings): string[] {
  const lines = [`### Tool call: ${oneLine(part.toolName)} (${oneLine(part.connectorId)})`];
  if (part.args !== undefined) lines.push(fence(JSON.stringify(part.args, null, 2), 'json'));
  else lines.push('Arguments as the model sent them (not valid JSON):', fence(part.argsText, ''));
  const approval = siblings.approvals.get(part.callId);
  if (approval) lines.push(approvalLine(approval));
  const status = statusNote(part.status);
  if (status) lines.push(status);
  const result = siblings.results.get(part.callId);
  if (result) lines.push(...renderResult(result));
  return lines;
}

function renderResult(part: PartOf<'tool-result'>): string[] {
  const full = JSON.stringify(part.result, null, 2) ?? String(part.result);
  const cut = full.length > MARKDOWN_RESULT_LIMIT;
  const lines = [part.isError ? 'Result (error):' : 'Result:', fence(cut ? full.slice(0, MARKDOWN_RESULT_LIMIT) : full, 'json')];
  if (cut) {
    lines.push(`*Result truncated: showing ${MARKDOWN_RESULT_LIMIT} of ${full.length} characters (${part.sizeBytes} bytes in full).*`);
  }
  return withStatus(lines, part.status);
}

function approvalLine(part: PartOf<'approval'>): string {
  return APPROVAL_LINE[part.decision] + (part.remembered ? ' (remembered)' : '');
}

function withStatus(lines: string[], status: PartStatus): string[] {
  const note = statusNote(status);
  return note ? [...lines, note] : lines;
}

/** Only statuses that change how the part should be read get a line; `complete` needs none. */
function statusNote(status: PartStatus): string | null {
  switch (status.type) {
    case 'complete':
    case 'requires-action':
      return null;
    case 'running':
      return '*Still running when exported.*';
    case 'incomplete':
      return `*Incomplete (${status.reason.code}): ${oneLine(status.reason.message)}*`;
  }
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** Headings and notes are one line; a newline in a title or tool name would start a new block. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
