import { describe, expect, it } from 'vitest';
import { connectorStatusText } from '@/components/connectors/connector-status-text';

describe('connectorStatusText', () => {
  it('uses the words of the UI contract', () => {
    expect(connectorStatusText({ state: 'connected', transport: 'sse', since: 1 })).toBe('Connected');
    expect(connectorStatusText({ state: 'connecting', attempt: 0 })).toBe('Connecting');
    expect(connectorStatusText(undefined)).toBe('Connecting');
    expect(connectorStatusText({ state: 'needs-auth', reason: 'x' })).toBe('Needs sign-in');
    expect(connectorStatusText({ state: 'permission-needed', origin: 'https://a.test' })).toBe('Permission needed');
  });

  it('says why an error happened, and when the next try is if there is one', () => {
    expect(connectorStatusText({ state: 'error', code: 'origin-rejected', reason: 'Refused.', retryAt: null })).toBe('Error: Refused.');
    const retrying = connectorStatusText({ state: 'error', code: 'unreachable', reason: 'Down.', retryAt: Date.UTC(2026, 0, 1, 12) });
    expect(retrying).toMatch(/^Error: Down\. Next try at .+\.$/);
  });
});
