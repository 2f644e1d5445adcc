import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureHostPermission } from '@/components/browser/host-permissions';
import { hasHostPermission } from '@/lib/browser/host-permissions';
import { isLoopbackUrl } from '@/lib/contract/origin-pattern';

/** The fake browser has no permissions API: stand in for the user and the granted set. */
function fakePermissions(granted: string[], userAccepts: boolean) {
  const asked: string[][] = [];
  const checked: string[][] = [];
  const covered = (origins: string[] = []) => origins.every((origin) => granted.includes(origin));
  Object.assign(fakeBrowser.permissions, {
    contains: async ({ origins }: { origins?: string[] }) => (checked.push(origins ?? []), covered(origins)),
    request: async ({ origins }: { origins?: string[] }) => {
      asked.push(origins ?? []);
      if (covered(origins)) return true;
      if (userAccepts) granted.push(...(origins ?? []));
      return userAccepts;
    },
  });
  return { asked, checked };
}

describe('isLoopbackUrl', () => {
  it('covers exactly what the manifest declares: http on localhost and 127.0.0.1', () => {
    expect(isLoopbackUrl('http://localhost:3000/mcp')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1:8080/mcp')).toBe(true);
    expect(isLoopbackUrl('https://localhost:3000/mcp')).toBe(false);
    expect(isLoopbackUrl('https://127.0.0.1/mcp')).toBe(false);
    expect(isLoopbackUrl('http://example.com/mcp')).toBe(false);
  });
});

describe('hasHostPermission and ensureHostPermission', () => {
  beforeEach(() => {
    fakePermissions([], false);
  });

  it('loopback over http is granted without asking or checking', async () => {
    const { asked, checked } = fakePermissions([], false);
    expect(await ensureHostPermission('http://127.0.0.1:9000/mcp')).toBe(true);
    expect(await hasHostPermission('http://localhost:9000/mcp')).toBe(true);
    expect(asked).toEqual([]);
    expect(checked).toEqual([]);
  });

  it('https on a loopback host is not declared in the manifest: the user is asked', async () => {
    const { asked, checked } = fakePermissions([], false);
    expect(await ensureHostPermission('https://localhost:9000/mcp')).toBe(false);
    expect(await hasHostPermission('https://localhost:9000/mcp')).toBe(false);
    expect(asked).toEqual([['https://localhost/*']]);
    expect(checked).toEqual([['https://localhost/*']]);
  });

  it('denied: false, and the origin stays ungranted', async () => {
    fakePermissions([], false);
    expect(await ensureHostPermission('https://mcp.example.com/mcp')).toBe(false);
    expect(await hasHostPermission('https://mcp.example.com/mcp')).toBe(false);
  });

  it('granted: true, for every path of that origin and no other', async () => {
    const { asked } = fakePermissions([], true);
    expect(await ensureHostPermission('https://mcp.example.com/a/mcp')).toBe(true);
    expect(asked).toEqual([['https://mcp.example.com/*']]);
    expect(await hasHostPermission('https://mcp.example.com/b')).toBe(true);
    expect(await hasHostPermission('https://other.example.com/mcp')).toBe(false);
  });
});
