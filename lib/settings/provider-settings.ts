import { isOtherOrigin } from '../contract/provider-settings-origin';
import type { ProviderSettings, ProviderSettingsInput, ProviderSettingsView } from '../contract/provider-settings';

/** `sk-…wxyz`: enough to recognise which key is set, too little to use it. */
export function hintForKey(apiKey: string): string | null {
  if (!apiKey) return null;
  const tail = apiKey.length > 8 ? apiKey.slice(-4) : '';
  const head = apiKey.startsWith('sk-') ? 'sk-' : '';
  return `${head}…${tail}`;
}

export function viewOf(settings: ProviderSettings): ProviderSettingsView {
  return { baseUrl: settings.baseUrl, model: settings.model, api: settings.api, apiKeyHint: hintForKey(settings.apiKey), toolLimits: settings.toolLimits, omitOrigin: settings.omitOrigin };
}

/**
 * The settings after a save (or for a Test of what the form holds). A key left out stays only
 * while the base URL stays on its origin: the key is bound to the server it was entered for.
 */
export function applyInput(current: ProviderSettings, input: ProviderSettingsInput): ProviderSettings {
  const keptKey = isOtherOrigin(current.baseUrl, input.baseUrl) ? '' : current.apiKey;
  return {
    apiKey: input.apiKey === undefined ? keptKey : input.apiKey,
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    model: input.model,
    api: input.api ?? current.api,
    toolLimits: withToolLimit(current.toolLimits, input.model, input.toolLimit),
    omitOrigin: input.omitOrigin ?? current.omitOrigin,
  };
}

function withToolLimit(limits: ProviderSettings['toolLimits'], model: string, limit: number | null | undefined): ProviderSettings['toolLimits'] {
  if (limit === undefined || model === '') return limits;
  const { [model]: _old, ...others } = limits;
  return limit === null ? others : { ...others, [model]: limit };
}

/** The origins the saved settings want Origin removed for: the model endpoint's, when asked. */
export function modelOriginRules(settings: ProviderSettings): string[] {
  return settings.omitOrigin ? [new URL(settings.baseUrl).origin] : [];
}
