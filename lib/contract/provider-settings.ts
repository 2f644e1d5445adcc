import { z } from 'zod';
import { ModelApiSchema } from './model-api';

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
});
export type ProviderSettings = z.infer<typeof ProviderSettingsSchema>;

export const DEFAULT_PROVIDER_SETTINGS: ProviderSettings = { apiKey: '', baseUrl: DEFAULT_BASE_URL, model: '', api: 'chat-completions' };

/**
 * What the panel may see: the key is reduced to a hint, so a full key is never rendered back
 * (a screen share or a screenshot cannot leak it).
 */
export const ProviderSettingsViewSchema = z.object({
  baseUrl: z.string(),
  model: z.string(),
  api: ModelApiSchema,
  apiKeyHint: z.string().nullable(),
});
export type ProviderSettingsView = z.infer<typeof ProviderSettingsViewSchema>;

/** A save from the panel. An absent `apiKey` keeps the stored one; an empty string clears it. */
export const ProviderSettingsInputSchema = z.object({
  apiKey: z.string().trim().optional(),
  baseUrl: HttpUrlSchema,
  model: z.string().trim(),
  /** Absent keeps the stored choice, so an older panel's save does not reset it. */
  api: ModelApiSchema.optional(),
});
export type ProviderSettingsInput = z.infer<typeof ProviderSettingsInputSchema>;
