import { ModelNotConfiguredError } from '../chat/run-errors';
import { createModelClient } from '../llm/model-client';
import type { ModelClient } from '../llm/model-events';
import { createSamplingModel } from '../llm/sampling/create-sampling-model';
import type { SamplingModel } from '../llm/sampling/sampling-model';
import type { ProviderSettings } from '../contract/provider-settings';

/** Hosts that never answer without a key; local servers (Ollama, LM Studio) often need none. */
const KEY_REQUIRED_HOSTS = new Set(['api.openai.com']);

/**
 * The model for a run, from the settings as they are now (read per run, so a change applies to
 * the next one). Missing settings fail with a `ModelNotConfiguredError` the run writes as an
 * error part, naming what to fill in.
 */
export function modelFromSettings(read: () => Promise<ProviderSettings>, fetchImpl?: typeof fetch): () => Promise<ModelClient> {
  return async () => createModelClient(clientOptions(await read(), fetchImpl));
}

/** The same model for sampling: the one the person configured, never one a server names. */
export function samplingModelFromSettings(read: () => Promise<ProviderSettings>, fetchImpl?: typeof fetch): () => Promise<SamplingModel> {
  return async () => createSamplingModel(clientOptions(await read(), fetchImpl));
}

function clientOptions(settings: ProviderSettings, fetchImpl: typeof fetch | undefined) {
  if (!settings.model) throw new ModelNotConfiguredError('Choose a model in Settings.');
  if (!settings.apiKey && KEY_REQUIRED_HOSTS.has(new URL(settings.baseUrl).hostname)) {
    throw new ModelNotConfiguredError('Add your API key in Settings.');
  }
  return {
    apiKey: settings.apiKey,
    baseUrl: settings.baseUrl,
    model: settings.model,
    api: settings.api,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  };
}
