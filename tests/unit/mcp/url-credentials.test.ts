import { describe, expect, it } from 'vitest';
import { REDACTED } from '@/lib/mcp/redaction/redact';
import { needsScrub, redactUrl, redactUrlsInText, scrubDeep, scrubError, scrubText, urlSecrets } from '@/lib/mcp/redaction/url-credentials';

describe('redactUrl', () => {
  it.each([
    ['https://mcp.example/mcp?api_key=live-1234', `https://mcp.example/mcp?api_key=${REDACTED}`],
    ['https://mcp.example/mcp?apiKey=live-1234&team=blue', `https://mcp.example/mcp?apiKey=${REDACTED}&team=blue`],
    ['https://mcp.example/mcp?token=abc&key=def', `https://mcp.example/mcp?token=${REDACTED}&key=${REDACTED}`],
    ['https://mcp.example/mcp?access_token=a1#x', `https://mcp.example/mcp?access_token=${REDACTED}#x`],
    ['https://mcp.example/cb#access_token=a1&state=s', `https://mcp.example/cb#access_token=${REDACTED}&state=s`],
    ['https://mcp.example/token/live-1234/mcp', `https://mcp.example/token/${REDACTED}/mcp`],
    ['https://mcp.example/api-key/live-1234', `https://mcp.example/api-key/${REDACTED}`],
    ['https://actions.example/mcp/sk-ak-0123456789abcdef/sse', `https://actions.example/mcp/${REDACTED}/sse`],
    ['https://mcp.example/s/Zq9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee/mcp', `https://mcp.example/s/${REDACTED}/mcp`],
    ['https://github.com/o/r/commit/9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee0123', 'https://github.com/o/r/commit/9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee0123'],
    ['https://mcp.example/items/3f2b1c4e-9a8b-4c7d-8e6f-112233445566', 'https://mcp.example/items/3f2b1c4e-9a8b-4c7d-8e6f-112233445566'],
    ['https://idp.example/auth/callback?state=s', 'https://idp.example/auth/callback?state=s'],
    ['https://user:hunter22@mcp.example/mcp', `https://${REDACTED}@mcp.example/mcp`],
    ['http://127.0.0.1:3001/message?sessionId=5c1e-77', `http://127.0.0.1:3001/message?sessionId=${REDACTED}`],
    ['https://mcp.example/mcp?q=weather&page=2', 'https://mcp.example/mcp?q=weather&page=2'],
    ['https://mcp.example/tokens', 'https://mcp.example/tokens'],
    ['not a url', 'not a url'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('redactUrlsInText', () => {
  it('redacts each URL inside a sentence and keeps the punctuation after it', () => {
    expect(redactUrlsInText('Could not reach https://mcp.example/mcp?api_key=live-1234. Is it running? (see http://x.test/token/abcd1234)')).toBe(
      `Could not reach https://mcp.example/mcp?api_key=${REDACTED}. Is it running? (see http://x.test/token/${REDACTED})`,
    );
  });
});

describe('urlSecrets and scrubText', () => {
  const url = 'https://mcp.example/token/tok-secret-9/mcp?api_key=key%2Bsecret%2B7&team=blue';

  it('names the credential fragments, raw and decoded', () => {
    expect(urlSecrets(url)).toEqual(expect.arrayContaining(['tok-secret-9', 'key%2Bsecret%2B7', 'key+secret+7']));
    expect(urlSecrets(url)).not.toContain('blue');
  });

  it('finds a fragment without its URL', () => {
    expect(scrubText('The server said: unknown key key+secret+7 for tok-secret-9', urlSecrets(url))).toBe(`The server said: unknown key ${REDACTED} for ${REDACTED}`);
  });

  it('scrubs strings at any depth, and error messages in place', () => {
    expect(scrubDeep({ a: [{ b: `at ${url}` }], n: 1 }, urlSecrets(url))).toEqual({ a: [{ b: `at https://mcp.example/token/${REDACTED}/mcp?api_key=${REDACTED}&team=blue` }], n: 1 });
    const error = scrubError(new TypeError(`fetch failed for ${url}`), urlSecrets(url));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).not.toMatch(/secret/);
    // A DOMException's message is a read-only getter: scrubbing must not throw over it.
    const aborted = scrubError(new DOMException(`aborted at ${url}`, 'AbortError'), urlSecrets(url));
    expect(aborted.name).toBe('AbortError');
    expect(aborted.message).not.toMatch(/secret/);
  });
});

describe('needsScrub', () => {
  const dialect = '"$schema":"http://json-schema.org/draft-07/schema#"';
  it('says what comparing scrubText with its input would say', () => {
    const samples = [
      'no address at all',
      `${dialect},${dialect},${dialect}`,
      `${dialect},${dialect}, then https://example.test/mcp?api_key=sk-live-1234567890abcdef.`,
      'see https://user:pass@example.test/ and https://example.test/docs.',
      'ends with a clean one: https://example.test/docs).',
      'the secret s3cr3t-fragment in plain text',
    ];
    for (const text of samples) expect(needsScrub(text, ['s3cr3t-fragment'])).toBe(scrubText(text, ['s3cr3t-fragment']) !== text);
  });

  it('finds a credential URL after a hundred copies of a clean one', () => {
    const clean = Array.from({ length: 100 }, () => dialect).join(',');
    expect(needsScrub(clean)).toBe(false);
    expect(needsScrub(`${clean},"next":"https://example.test/token/abcDEF123456ghiJKL789012mnoPQR345/mcp"`)).toBe(true);
  });
});
