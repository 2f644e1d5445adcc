import { z } from 'zod';

export const TRACE_FORMAT = 'patchbay.trace';
export const TRACE_VERSION = 1;
/** Traces above this are refused before parsing, so a wrong pick cannot freeze the panel. */
export const MAX_TRACE_BYTES = 20 * 1024 * 1024;

/** Short texts from outside (ids, names, labels): bounded, so a hostile file cannot flood the view. */
const Label = z.string().max(500);
const Text = z.string().max(1_000_000);

/** One message of the conversation, reduced to what a reader needs: who said what, and which calls it made. */
export const TraceMessageSchema = z.object({
  role: z.enum(['user', 'assistant', 'tool']),
  at: z.number(),
  /** The message's text parts joined; shown as plain text, never as Markdown or HTML. */
  text: Text,
  callIds: z.array(Label).max(1_000),
});

/** A tool call the model made, with its input, its outcome and the server's result as sent. */
export const TraceCallSchema = z.object({
  callId: Label,
  connectorId: Label,
  toolName: Label,
  argsText: Text,
  /** `complete`, `failed`, `denied`, `interrupted`…: the card's own words. */
  status: Label,
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  isError: z.boolean().optional(),
  result: z.unknown().optional(),
});

/** One JSON-RPC frame or HTTP status from the connector's protocol log. */
export const TraceFrameSchema = z.object({
  connectorId: Label,
  at: z.number(),
  direction: z.enum(['out', 'in']),
  method: Label.nullable(),
  httpStatus: z.number().int().nullable(),
  durationMs: z.number().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  frame: z.unknown(),
  capped: z.boolean().optional(),
});

/** A connector the conversation used: its label, redacted address and tool definitions at export time. */
export const TraceConnectorSchema = z.object({
  id: Label,
  label: Label,
  url: z.string().max(4_000),
  /** The server's tool definitions as stored (`Tool` shapes, kept as data: nothing here is run). */
  tools: z.array(z.object({ name: Label }).loose()).max(10_000),
});

/**
 * A bug report an author can attach to an issue: one conversation, its tool calls, the frames on
 * the wire while it ran, and the tools as the server defined them — credentials redacted. Another
 * Patchbay opens it read-only; nothing in it is trusted, run or stored.
 */
export const TraceFileSchema = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSION),
  exportedAt: z.number(),
  conversation: z.object({ title: z.string().max(1_000), createdAt: z.number(), updatedAt: z.number(), model: Label.nullable() }),
  messages: z.array(TraceMessageSchema).max(100_000),
  calls: z.array(TraceCallSchema).max(100_000),
  frames: z.array(TraceFrameSchema).max(200_000),
  connectors: z.array(TraceConnectorSchema).max(1_000),
});
export type TraceFile = z.infer<typeof TraceFileSchema>;
export type TraceMessage = z.infer<typeof TraceMessageSchema>;
export type TraceCall = z.infer<typeof TraceCallSchema>;
export type TraceFrame = z.infer<typeof TraceFrameSchema>;

/** A file that is not a trace this build reads; the message says why, for the person to read. */
export class TraceFileError extends Error {
  override readonly name = 'TraceFileError';
  readonly code = 'invalid-trace';
}

/** Parses a trace file's text: size, JSON, format, version, then the schema (the first problems named). */
export function parseTraceFile(text: string): TraceFile {
  if (text.length > MAX_TRACE_BYTES) throw new TraceFileError(`The file is larger than the ${MAX_TRACE_BYTES / (1024 * 1024)} MB a trace may be.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new TraceFileError(`The file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const envelope = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (envelope.format !== TRACE_FORMAT) throw new TraceFileError('This is not a Patchbay trace (its format is not patchbay.trace).');
  if (envelope.version !== TRACE_VERSION) throw new TraceFileError(`Unsupported trace version ${JSON.stringify(envelope.version) ?? 'none'}; this Patchbay reads version ${TRACE_VERSION}.`);
  const parsed = TraceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const shown = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    const more = parsed.error.issues.length - shown.length;
    throw new TraceFileError(`The trace is malformed: ${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`);
  }
  return parsed.data;
}
