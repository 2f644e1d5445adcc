import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIcon, MAX_ICON_BYTES } from '@/lib/mcp/icons/fetch-icon';
import { IconCache, MAX_STORED_ICONS } from '@/lib/mcp/icons/icon-cache';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    switch (req.url) {
      case '/icon.png':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      case '/icon.svg':
        return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG);
      case '/svg-as-png':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(SVG);
      case '/html':
        return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      case '/big-declared':
        return void res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(MAX_ICON_BYTES + 1) }).end(Buffer.concat([PNG, Buffer.alloc(MAX_ICON_BYTES + 1 - PNG.length)]));
      case '/big-streamed': {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.write(PNG);
        const chunk = Buffer.alloc(16 * 1024);
        let sent = 0;
        const more = () => {
          while (sent < MAX_ICON_BYTES * 4) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        return more();
      }
      case '/redirect':
        return void res.writeHead(302, { location: '/icon.png' }).end();
      default:
        return void res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local = () => ({ fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init), serverUrl: `${base}/mcp` });

describe('fetchIcon', () => {
  it('fetches a PNG and gives back its bytes with the sniffed type', async () => {
    expect(await fetchIcon(`${base}/icon.png`, local())).toEqual({ ok: true, mimeType: 'image/png', base64: PNG.toString('base64') });
  });

  it('refuses types that are not raster images: SVG, HTML, and SVG that calls itself PNG', async () => {
    expect(await fetchIcon(`${base}/icon.svg`, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/image\/svg\+xml is not an allowed image type/) });
    expect(await fetchIcon(`${base}/html`, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/text\/html/) });
    expect(await fetchIcon(`${base}/svg-as-png`, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/not a PNG, JPEG, GIF, WebP or ICO/) });
    expect(await fetchIcon(`data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`, local())).toMatchObject({ ok: false });
  });

  it('refuses oversize icons, whether the length is declared or only streamed', async () => {
    expect(await fetchIcon(`${base}/big-declared`, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
    expect(await fetchIcon(`${base}/big-streamed`, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
    const bigData = `data:image/png;base64,${Buffer.concat([PNG, Buffer.alloc(MAX_ICON_BYTES)]).toString('base64')}`;
    expect(await fetchIcon(bigData, local())).toMatchObject({ ok: false, reason: expect.stringMatching(/larger than/) });
  });

  it('takes a base64 data: PNG, and refuses other schemes, redirects and addresses it must not reach', async () => {
    expect(await fetchIcon(`data:image/png;base64,${PNG.toString('base64')}`, local())).toMatchObject({ ok: true, mimeType: 'image/png' });
    for (const src of ['file:///etc/passwd', 'javascript:alert(1)', 'blob:https://x/1', 'not a url']) expect((await fetchIcon(src, local())).ok).toBe(false);
    expect(await fetchIcon(`${base}/redirect`, local())).toMatchObject({ ok: false });
    expect(await fetchIcon('http://169.254.169.254/latest/icon.png', local())).toMatchObject({ ok: false, reason: expect.stringMatching(/link-local|metadata/) });
    const before = hits.length;
    // A remote server's icon may not point at this machine.
    expect(await fetchIcon(`${base}/icon.png`, { ...local(), serverUrl: 'https://mcp.example.com/mcp' })).toMatchObject({ ok: false, reason: expect.stringMatching(/this machine/) });
    expect(hits.length).toBe(before);
  });
});

describe('IconCache', () => {
  it('fetches an icon once, then answers from storage, also for a new cache over the same storage', async () => {
    const values = new Map<string, unknown>();
    const area = { get: async (k: string) => values.get(k), set: async (k: string, v: unknown) => void values.set(k, v), remove: async (k: string) => void values.delete(k) };
    const before = hits.filter((hit) => hit === '/icon.png').length;
    const cache = new IconCache(area);
    await Promise.all([cache.get(`${base}/icon.png`, local()), cache.get(`${base}/icon.png`, local())]);
    expect(await new IconCache(area).get(`${base}/icon.png`, local())).toMatchObject({ ok: true });
    expect(hits.filter((hit) => hit === '/icon.png').length - before).toBe(1);
  });

  it('keeps at most MAX_STORED_ICONS icons in storage, dropping the oldest', async () => {
    const values = new Map<string, unknown>();
    const area = { get: async (k: string) => values.get(k), set: async (k: string, v: unknown) => void values.set(k, v), remove: async (k: string) => void values.delete(k) };
    const cache = new IconCache(area, async () => ({ ok: true, mimeType: 'image/png', base64: 'AA==' }));
    for (let i = 0; i < MAX_STORED_ICONS + 5; i++) await cache.get(`https://icons.example/${i}.png`, { fetch, serverUrl: 'https://mcp.example/mcp' });
    const stored = [...values.keys()].filter((key) => key !== 'icons.index');
    expect(stored).toHaveLength(MAX_STORED_ICONS);
    expect((values.get('icons.index') as string[]).length).toBe(MAX_STORED_ICONS);
  });
});
