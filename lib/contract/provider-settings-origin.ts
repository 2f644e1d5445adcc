import { isLoopbackHost } from './loopback';
import type { ProviderSettingsView } from './provider-settings';

/**
 * True when `next` is another origin than `stored`: the stored key was given for one server and is
 * never sent to another without the user typing it again (a pasted or mistyped base URL would
 * otherwise hand it to whoever runs that host).
 */
export function isOtherOrigin(stored: string, next: string): boolean {
  if (!URL.canParse(stored) || !URL.canParse(next)) return stored !== next;
  return new URL(stored).origin !== new URL(next).origin;
}

/** What Settings says while the draft's base URL points to another origin than the saved key's. */
export function keyOriginNotice(stored: Pick<ProviderSettingsView, 'baseUrl' | 'apiKeyHint'>, draftBaseUrl: string, typedKey: string): string | null {
  if (!stored.apiKeyHint || typedKey !== '' || !URL.canParse(draftBaseUrl) || !isOtherOrigin(stored.baseUrl, draftBaseUrl)) return null;
  return `The Base URL now points to ${new URL(draftBaseUrl).origin}, not ${originOf(stored.baseUrl)}: the saved key (${stored.apiKeyHint}) is for ${originOf(stored.baseUrl)} and will not be sent there. Saving removes it; type the key for the new server.`;
}

/** A visible warning for plain http:// to a host that is not this machine: the key would cross the network in clear. */
export function insecureBaseUrlWarning(baseUrl: string): string | null {
  if (!URL.canParse(baseUrl)) return null;
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return null;
  return `Plain http:// to ${url.hostname} is not encrypted: anyone on the network can read the API key and every message.`;
}

function originOf(url: string): string {
  return URL.canParse(url) ? new URL(url).origin : url;
}
