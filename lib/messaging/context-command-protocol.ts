import { PromptSchema, ResourceSchema, ResourceTemplateSchema } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AttachedContextSchema } from '../contract/attached-context';
import { ResourceContentViewSchema } from '../contract/resource-view';

const ConnectorSchema = z.object({ connectorId: z.string() });
/** A page of a list; `cursor` is the server's opaque `nextCursor` from the previous page. */
const PageRequestSchema = ConnectorSchema.extend({ cursor: z.string().max(4096).optional() });
const ResourceRequestSchema = ConnectorSchema.extend({ uri: z.string().min(1).max(8192) });

/** What a completion is for: a prompt's argument or a resource template's variable (MCP `ref/*`). */
export const CompletionRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ref/prompt'), name: z.string() }),
  z.object({ type: z.literal('ref/resource'), uri: z.string() }),
]);

/**
 * A prompt rendered for the composer: its messages' text (an assistant message marked as such),
 * and everything else (embedded resources, images, audio) as attached context.
 */
export const RenderedPromptSchema = z.object({ text: z.string(), attachments: z.array(AttachedContextSchema) });
export type RenderedPrompt = z.infer<typeof RenderedPromptSchema>;

/**
 * What a connector offers besides tools: prompts, resources, templates, completion and
 * subscriptions. Every answer is the server's, parsed with the SDK's schemas in the background and
 * again here on arrival; the panel shows it as text.
 */
export const contextCommandProtocol = {
  'prompts.list': { request: PageRequestSchema, response: z.object({ prompts: z.array(PromptSchema), nextCursor: z.string().optional() }) },
  /** `prompts/get` with the user's arguments, rendered for the composer (see {@link RenderedPromptSchema}). */
  'prompts.get': {
    request: ConnectorSchema.extend({ name: z.string().min(1), arguments: z.record(z.string(), z.string()) }),
    response: RenderedPromptSchema,
  },
  'resources.list': { request: PageRequestSchema, response: z.object({ resources: z.array(ResourceSchema), nextCursor: z.string().optional() }) },
  'resources.templates': {
    request: PageRequestSchema,
    response: z.object({ resourceTemplates: z.array(ResourceTemplateSchema), nextCursor: z.string().optional() }),
  },
  /** The contents for display: capped, with sizes (see `ResourceContentViewSchema`). */
  'resources.read': { request: ResourceRequestSchema, response: z.object({ contents: z.array(ResourceContentViewSchema) }) },
  /**
   * Reads the resource as attached context for the next message (capped; bytes over the limit are
   * refused with a clear error), and subscribes to its updates where the server supports that.
   */
  'resources.attach': {
    /** `name`: what the chip shows (the resource's name or title from the list); the URI's last segment when absent. */
    request: ResourceRequestSchema.extend({ name: z.string().max(200).optional() }),
    response: z.object({ attachments: z.array(AttachedContextSchema), subscribed: z.boolean() }),
  },
  /** Asks for `notifications/resources/updated` about this resource; `false` when the server offers no subscriptions. */
  'resources.subscribe': { request: ResourceRequestSchema, response: z.object({ subscribed: z.boolean() }) },
  'resources.unsubscribe': { request: ResourceRequestSchema, response: z.object({}) },
  /** `completion/complete`: suggestions for one argument, the others given as context. */
  'completion.complete': {
    request: ConnectorSchema.extend({
      ref: CompletionRefSchema,
      argument: z.object({ name: z.string(), value: z.string() }),
      context: z.record(z.string(), z.string()).optional(),
    }),
    response: z.object({ values: z.array(z.string()), hasMore: z.boolean() }),
  },
} satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
