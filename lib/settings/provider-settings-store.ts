import type { KeyValueArea } from '../browser/key-value-area';
import { DEFAULT_PROVIDER_SETTINGS, ProviderSettingsSchema, type ProviderSettings, type ProviderSettingsInput } from '../contract/provider-settings';
import { applyInput } from './provider-settings';

const STORAGE_KEY = 'secrets.modelProvider';

/** Reads and writes the model provider settings, key included, behind the storage adapter. */
export class ProviderSettingsStore {
  constructor(private readonly area: KeyValueArea) {}

  /** Stored settings, or the defaults when none were saved or the stored value is unreadable. */
  async read(): Promise<ProviderSettings> {
    const parsed = ProviderSettingsSchema.safeParse(await this.area.get(STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_PROVIDER_SETTINGS;
  }

  async save(input: ProviderSettingsInput): Promise<ProviderSettings> {
    const next = ProviderSettingsSchema.parse(applyInput(await this.read(), input));
    await this.area.set(STORAGE_KEY, next);
    return next;
  }
}
