import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '@/lib/contract/loopback';
import { checkConnectorDraft, ConnectorDraftSchema, parseHeaderLines, type ConnectorDraft } from '@/lib/contract/connector-draft';

const draft = (overrides: Partial<ConnectorDraft> = {}): ConnectorDraft => ({
  label: 'Docs',
  url: 'https://mcp.example.test/mcp',
  transport: 'auto',
  auth: 'none',
  timeoutSeconds: 60,
  omitOrigin: false,
  ...overrides,
});
const check = (overrides: Partial<ConnectorDraft>, others: string[] = [], secretsStored = false) => checkConnectorDraft(draft(overrides), others, secretsStored);

describe('checkConnectorDraft', () => {
  it('accepts a plain https connector without warnings', () => {
    expect(check({})).toEqual({ errors: {}, warnings: [] });
  });

  it('accepts http and https only, and no credentials in the URL', () => {
    expect(check({ url: '' }).errors.url).toMatch(/Enter the server/);
    expect(check({ url: 'mcp.example.test/mcp' }).errors.url).toMatch(/not a valid URL/);
    for (const url of ['ftp://example.test/mcp', 'ws://example.test/mcp', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(check({ url }).errors.url, url).toMatch(/Only http:\/\/ and https:\/\//);
    }
    expect(check({ url: 'https://user:pw@example.test/mcp' }).errors.url).toMatch(/credentials/);
  });

  it('warns about plain http to anything but loopback', () => {
    expect(check({ url: 'http://intranet.example.test/mcp' }).warnings).toEqual([expect.stringContaining('intranet.example.test is not encrypted')]);
    expect(check({ url: 'http://192.168.1.20:3001/mcp' }).warnings).toHaveLength(1);
    for (const url of ['http://localhost:3001/mcp', 'http://127.0.0.1:3001/mcp', 'http://127.5.0.1/mcp', 'http://[::1]:3001/mcp']) {
      expect(check({ url }), url).toEqual({ errors: {}, warnings: [] });
    }
    expect(isLoopbackHost('127.0.0.1.example.test')).toBe(false);
  });

  it('needs a name, unique among the others whatever its case', () => {
    expect(check({ label: '' }).errors.label).toMatch(/name/);
    expect(check({ label: 'docs' }, ['Everything', 'DOCS']).errors.label).toBe('A connector named “docs” already exists.');
    expect(check({ label: 'Docs 2' }, ['Docs']).errors).toEqual({});
  });

  it('needs a bearer token, unless an edit keeps the stored one', () => {
    expect(check({ auth: 'bearer' }).errors.token).toMatch(/bearer token/);
    expect(check({ auth: 'bearer' }, [], true).errors).toEqual({});
    expect(check({ auth: 'bearer', token: 'sk-1' }).errors).toEqual({});
  });

  it('needs well-formed custom headers, unless an edit keeps the stored ones', () => {
    expect(check({ auth: 'headers' }).errors.headers).toMatch(/at least one header/);
    expect(check({ auth: 'headers', headers: '' }, [], true).errors).toEqual({});
    expect(check({ auth: 'headers', headers: 'X-Api-Key abc' }).errors.headers).toBe('Line 1: write each header as "Name: value".');
    expect(check({ auth: 'headers', headers: 'X-Team: a\nContent-Type: text/plain' }, [], true).errors.headers).toBe('Line 2: Content-Type is set by Patchbay itself.');
    expect(check({ auth: 'headers', headers: 'X-Api-Key: abc' }).errors).toEqual({});
  });
});

describe('parseHeaderLines', () => {
  it('reads one "Name: value" a line, skipping blank lines and trimming', () => {
    expect(parseHeaderLines('X-Api-Key:  abc \n\n  X-Team: a:b:c\r\n')).toEqual({ headers: { 'X-Api-Key': 'abc', 'X-Team': 'a:b:c' }, error: null });
    expect(parseHeaderLines('X-Empty:')).toEqual({ headers: { 'X-Empty': '' }, error: null });
  });

  it('names the first bad line', () => {
    expect(parseHeaderLines('X-Ok: 1\n: no name').error).toBe('Line 2: write each header as "Name: value".');
    expect(parseHeaderLines('Bad Name: x').error).toMatch(/^Line 1: write each header/);
    expect(parseHeaderLines('X-Ok: 1\nnocolon').error).toMatch(/^Line 2/);
  });

  it('refuses headers the browser or the protocol owns', () => {
    for (const name of ['Accept', 'content-type', 'Content-Length', 'Host', 'Origin', 'Cookie', 'Connection', 'Mcp-Session-Id', 'MCP-Protocol-Version', 'Last-Event-ID']) {
      expect(parseHeaderLines(`${name}: x`).error, name).toBe(`Line 1: ${name} is set by Patchbay itself.`);
    }
  });
});

describe('machine OAuth connectors', () => {
  const machine = {
    label: 'Svc',
    url: 'https://mcp.example/mcp',
    transport: 'auto' as const,
    auth: 'oauth' as const,
    timeoutSeconds: 60,
    omitOrigin: false,
    oauthGrant: 'client_credentials' as const,
  };

  it('need a client id, a secret and the one issuer the secret may go to', () => {
    expect(checkConnectorDraft(machine, []).errors).toEqual({
      oauthClientId: 'A machine connector needs its client ID.',
      oauthClientSecret: 'A machine connector needs its client secret or a private key.',
      oauthIssuer: 'Enter the authorization server’s issuer URL: the client secret is sent only there.',
    });
    const complete = { ...machine, oauthClientId: 'svc', oauthClientSecret: 's', oauthIssuer: 'https://auth.example' };
    expect(checkConnectorDraft(complete, []).errors).toEqual({});
    expect(checkConnectorDraft({ ...complete, oauthIssuer: 'http://auth.example' }, []).errors.oauthIssuer).toMatch(/https/);
  });
});

describe('the OAuth fields beyond client id and secret', () => {
  const KEY = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----';
  const machine = { auth: 'oauth' as const, oauthGrant: 'client_credentials' as const, oauthClientId: 'bot', oauthIssuer: 'https://auth.example.test' };

  it('travels through the command schema instead of being stripped', () => {
    const parsed = ConnectorDraftSchema.parse(draft({ auth: 'oauth', oauthClientMetadataUrl: 'https://app.example.test/client.json', oauthPrivateKey: KEY, oauthKeyAlgorithm: 'ES256' }));
    expect(parsed).toMatchObject({ oauthClientMetadataUrl: 'https://app.example.test/client.json', oauthPrivateKey: KEY, oauthKeyAlgorithm: 'ES256' });
  });

  it('lets a machine connector sign with a private key instead of a secret', () => {
    expect(check(machine).errors.oauthClientSecret).toMatch(/client secret or a private key/);
    expect(check({ ...machine, oauthPrivateKey: KEY }).errors).toEqual({});
  });

  it('refuses a metadata URL that is not https with a path, and a key that is not PEM', () => {
    expect(check({ auth: 'oauth', oauthClientMetadataUrl: 'http://app.example.test/client.json' }).errors.oauthClientMetadataUrl).toMatch(/https/);
    expect(check({ ...machine, oauthPrivateKey: 'not a key' }).errors.oauthPrivateKey).toMatch(/PKCS#8/);
  });
});

describe('a bearer connector being edited', () => {
  it('keeps its stored token when the field is left out, and refuses to clear it to nothing', () => {
    expect(check({ auth: 'bearer' }, [], true).errors.token).toBeUndefined();
    expect(check({ auth: 'bearer', token: '' }, [], true).errors.token).toBe('Paste the bearer token.');
    expect(check({ auth: 'bearer' }, [], false).errors.token).toBe('Paste the bearer token.');
  });
});
