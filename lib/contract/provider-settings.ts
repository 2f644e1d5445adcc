import { z } from 'zod';
import { ModelApiSchema } from './model-api';
import { ToolLimitSchema, ToolLimitsSchema } from './tool-budget';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** An http(s) URL; anything else (file:, javascript:, a typo) is refused before it is stored. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'Enter a full http:// or https:// URL, for example https://api.openai.com/v1',
  });

/** The model provider as stored, key included. Lives only in the background and storage.local. */
export const ProviderSettingsSchema = z.object({
  apiKey: z.string(),
  baseUrl: HttpUrlSchema,
  model: z.string().trim(),
  /** Settings saved before the choice existed load as Chat Completions, which every server speaks. */
  api: ModelApiSchema.default('chat-completions'),
  /** Settings › **Tool limit**, by model name; settings saved before it existed have none. */
  toolLimits: ToolLimitsSchema.default({}),
  /**
   * Settings › "Send requests without the Origin header": a local server (Ollama) that refuses a
   * browser extension's Origin is reached through a rule that removes it, for this origin only.
   */
  omitOrigin: z.boolean().default(false),
});
export type ProviderSettings = z.infer<typeof ProviderSettingsSchema>;

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = { apiKey: '', baseUrl: DEFAULT_BASE_URL, model: '', api: 'chat-completions', toolLimits: {}, omitOrigin: false };

/**
 * What the panel may see: the key is reduced to a hint, so a full key is never rendered back
 * (a screen share or a screenshot cannot leak it).
 */
export const ProviderSettingsViewSchema = z.object({
  baseUrl: z.string(),
  model: z.string(),
  api: ModelApiSchema,
  apiKeyHint: z.string().nullable(),
  /** The limits by model (not secret), so the chat can say when its tools will be searched. */
  toolLimits: ToolLimitsSchema.default({}),
  omitOrigin: z.boolean().default(false),
});
export type ProviderSettingsView = z.infer<typeof ProviderSettingsViewSchema>;

/** A save from the panel. An absent `apiKey` keeps the stored one; an empty string clears it. */
export const ProviderSettingsInputSchema = z.object({
  apiKey: z.string().trim().optional(),
  baseUrl: HttpUrlSchema,
  model: z.string().trim(),
  /** Absent keeps the stored choice, so an older panel's save does not reset it. */
  api: ModelApiSchema.optional(),
  /** The tool limit for `model`: a number sets it, null removes it (back to 128), absent keeps it. */
  toolLimit: ToolLimitSchema.nullable().optional(),
  /** Absent keeps the stored choice. */
  omitOrigin: z.boolean().optional(),
});
export type ProviderSettingsInput = z.infer<typeof ProviderSettingsInputSchema>;
