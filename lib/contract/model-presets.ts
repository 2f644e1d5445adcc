import { z } from 'zod';
import type { ModelApi } from './model-api';

/** The providers Settings › **Preset** knows; a closed list so each one is tested. */
export const ModelPresetIdSchema = z.enum(['openai', 'azure-openai', 'openrouter', 'ollama', 'lm-studio', 'vllm']);
export type ModelPresetId = z.infer<typeof ModelPresetIdSchema>;

/**
 * What a provider's endpoint looks like, so a new user does not have to know that Ollama
 * listens on 11434 or that Azure wants its resource name in the host. Only a starting point:
 * every field it fills stays editable.
 */
export interface ModelPreset {
  id: ModelPresetId;
  /** What the **Preset** select shows. */
  label: string;
  /** The base URL shape, with a placeholder where the user's own part goes (Azure's resource). */
  baseUrl: string;
  /** Whether the provider refuses requests without a key; local servers usually take none. */
  keyNeeded: 'required' | 'none' | 'optional';
  /** The API the provider speaks best; Chat Completions is the one every server has. */
  api: ModelApi;
  /** A model that exists there, to replace with the one you want (Test lists them). */
  model: string;
  /** One sentence a user needs before it works: a path to edit, a flag to pass. */
  note: string;
}

export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    keyNeeded: 'required',
    api: 'responses',
    model: 'gpt-4.1-mini',
    note: 'Paste a key from platform.openai.com/api-keys. Responses is OpenAI’s own API; Chat Completions works too.',
  },
  {
    id: 'azure-openai',
    label: 'Azure OpenAI',
    baseUrl: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
    keyNeeded: 'required',
    api: 'responses',
    model: 'your-deployment-name',
    note: 'Replace YOUR-RESOURCE with your Azure OpenAI resource name and Model with your deployment name. The /openai/v1 path needs no api-version; the older /openai/deployments/<name>?api-version=… path is not supported.',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    keyNeeded: 'required',
    api: 'chat-completions',
    model: 'openai/gpt-4.1-mini',
    note: 'Paste a key from openrouter.ai/keys. Models are named provider/model; pick one with tool support.',
  },
  {
    id: 'ollama',
    label: 'Ollama (local)',
    baseUrl: 'http://localhost:11434/v1',
    keyNeeded: 'none',
    api: 'chat-completions',
    model: 'llama3.2',
    note: 'No key needed. Ollama refuses extension pages unless OLLAMA_ORIGINS allows them; Test detects that and sends requests without the Origin header.',
  },
  {
    id: 'lm-studio',
    label: 'LM Studio (local)',
    baseUrl: 'http://localhost:1234/v1',
    keyNeeded: 'none',
    api: 'chat-completions',
    model: 'your-loaded-model',
    note: 'No key needed. Start the server in LM Studio’s Developer tab, load a model, then Test to list it.',
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseUrl: 'http://localhost:8000/v1',
    keyNeeded: 'optional',
    api: 'chat-completions',
    model: 'your-served-model',
    note: 'A key only if the server was started with --api-key. Tool calls need --enable-auto-tool-choice and a --tool-call-parser.',
  },
];

/** The preset by id; the list is closed, so every id has one. */
export function modelPreset(id: ModelPresetId): ModelPreset {
  return MODEL_PRESETS.find((preset) => preset.id === id)!;
}
