import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS, ModelPresetIdSchema, modelPreset } from '@/lib/contract/model-presets';
import { HttpUrlSchema } from '@/lib/contract/provider-settings';
import { ModelApiSchema } from '@/lib/contract/model-api';
import { isLocalNetworkHost } from '@/lib/contract/local-network-host';

describe('model presets', () => {
  it('has exactly one preset per provider the issue names, in the order of the select', () => {
    expect(MODEL_PRESETS.map((preset) => preset.id)).toEqual(ModelPresetIdSchema.options);
    expect(MODEL_PRESETS.map((preset) => preset.label)).toEqual(['OpenAI', 'Azure OpenAI', 'OpenRouter', 'Ollama (local)', 'LM Studio (local)', 'vLLM']);
  });

  it.each(MODEL_PRESETS.map((preset) => [preset.id, preset] as const))('%s: a base URL the form accepts, ending in /v1, a model and an API', (_id, preset) => {
    expect(HttpUrlSchema.safeParse(preset.baseUrl).success).toBe(true);
    expect(preset.baseUrl).toMatch(/\/v1$/);
    expect(ModelApiSchema.safeParse(preset.api).success).toBe(true);
    expect(preset.model.length).toBeGreaterThan(0);
    expect(preset.note.length).toBeGreaterThan(20);
  });

  it('local servers need no key and are on this machine; hosted ones need a key over https', () => {
    for (const preset of MODEL_PRESETS) {
      const url = new URL(preset.baseUrl);
      if (preset.keyNeeded === 'required') expect(url.protocol).toBe('https:');
      else expect(isLocalNetworkHost(url.hostname)).toBe(true);
    }
    expect(modelPreset('ollama')).toMatchObject({ baseUrl: 'http://localhost:11434/v1', keyNeeded: 'none', api: 'chat-completions' });
    expect(modelPreset('lm-studio').baseUrl).toBe('http://localhost:1234/v1');
    expect(modelPreset('vllm').keyNeeded).toBe('optional');
  });

  it('Azure names the resource placeholder, the deployment and the api-version question', () => {
    const azure = modelPreset('azure-openai');
    expect(azure.baseUrl).toBe('https://YOUR-RESOURCE.openai.azure.com/openai/v1');
    expect(azure.note).toMatch(/deployment/);
    expect(azure.note).toMatch(/api-version/);
  });
});
