import type { MessageRow, ProtocolFrameRow } from '../db/rows';
import type { ConnectorRow, ConversationRow } from '../db/rows';
import { TRACE_FORMAT, TRACE_VERSION, type TraceCall, type TraceFile, type TraceMessage } from '../contract/trace-file';
import { callStatusText } from './call-status-text';

/** Frames this long before the first message and after the last still belong to the conversation. */
export const TRACE_MARGIN_MS = 2_000;
/** Frames taken per connector at most: a trace is a bug report, not a copy of the ring. */
export const TRACE_FRAMES_PER_CONNECTOR = 2_000;

/** What a trace is built from, read by the caller in one go (see `readTraceSources`). */
export interface TraceSources {
  conversation: ConversationRow;
  messages: MessageRow[];
  connectors: ConnectorRow[];
  framesOf(connectorId: string, from: number, to: number, limit: number): Promise<ProtocolFrameRow[]>;
}

/**
 * The trace of one conversation, not yet redacted: its messages as text, every tool call with its
 * result, the frames of those calls' connectors in the conversation's time span, and the tools of
 * those connectors as they are defined now.
 */
export async function buildTrace(sources: TraceSources, exportedAt = Date.now()): Promise<TraceFile> {
  const { conversation, messages } = sources;
  const calls = callsOf(messages);
  const usedIds = new Set(calls.map((call) => call.connectorId));
  const connectors = sources.connectors.filter((row) => usedIds.has(row.id));
  const from = (messages[0]?.createdAt ?? conversation.createdAt) - TRACE_MARGIN_MS;
  const to = Math.max(conversation.updatedAt, ...calls.map((call) => call.endedAt ?? 0)) + TRACE_MARGIN_MS;
  const frames = (await Promise.all(connectors.map((row) => sources.framesOf(row.id, from, to, TRACE_FRAMES_PER_CONNECTOR)))).flat();
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    exportedAt,
    conversation: { title: conversation.title, createdAt: conversation.createdAt, updatedAt: conversation.updatedAt, model: conversation.model?.model ?? null },
    messages: messages.map(messageOf),
    calls,
    frames: frames
      .sort((a, b) => a.at - b.at)
      .map(({ connectorId, at, direction, method, httpStatus, durationMs, sizeBytes, frame, capped }) => ({ connectorId, at, direction, method, httpStatus, durationMs, sizeBytes, frame, ...(capped ? { capped } : {}) })),
    connectors: connectors.map((row) => ({ id: row.id, label: row.label, url: row.url, tools: row.tools })),
  };
}

function messageOf(message: MessageRow): TraceMessage {
  const text = message.parts.flatMap((part) => (part.type === 'text' ? [part.text] : part.type === 'error' ? [`Error: ${part.message}`] : [])).join('\n\n');
  const callIds = message.parts.flatMap((part) => (part.type === 'tool-call' ? [part.callId] : []));
  return { role: message.role, at: message.createdAt, text, callIds };
}

function callsOf(messages: MessageRow[]): TraceCall[] {
  const parts = messages.flatMap((message) => message.parts);
  return parts.flatMap((part): TraceCall[] => {
    if (part.type !== 'tool-call') return [];
    const result = parts.find((p) => p.type === 'tool-result' && p.callId === part.callId);
    const outcome = result?.type === 'tool-result' ? { isError: result.isError, result: result.result } : {};
    return [
      {
        callId: part.callId,
        connectorId: part.connectorId,
        toolName: part.toolName,
        argsText: part.argsText,
        status: callStatusText(part.status, outcome.isError),
        ...(part.startedAt === undefined ? {} : { startedAt: part.startedAt }),
        ...(part.endedAt === undefined ? {} : { endedAt: part.endedAt }),
        ...outcome,
      },
    ];
  });
}
