import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import type { ConnectorsPage } from '../pages/connectors-page';

const NAME = 'Notes';
const TOKEN = 'sk-inspection-7f3a9c1e';

/** What a connector shows about its server: tool details, fetch time, a manual refresh's diff, the log. */
describe('Inspecting a connector in Chromium', () => {
  const fixture = useChromiumPanel();
  let server: PolicyServer;
  let connectors: ConnectorsPage;
  let addedAt: number;

  beforeAll(async () => {
    server = await startPolicyServer();
    connectors = await fixture.panel.openConnectors();
  });
  afterAll(async () => server?.close());

  it('shows when the tools were fetched, and a tool’s details: destructive highlighted, the claims note, its input schema', async () => {
    addedAt = Date.now();
    await connectors.add({ name: NAME, url: server.url, auth: 'Bearer token', token: TOKEN });
    await connectors.waitForStatus(NAME, /^Connected$/);
    await connectors.waitForTool(NAME, 'delete_note');
    await connectors.item(NAME).getByText(/^3 tools · fetched at /).waitFor();
    const fetchedAt = await connectors.toolsFetchedAt(NAME);
    expect(fetchedAt).toBeGreaterThanOrEqual(addedAt - 1_000);
    expect(fetchedAt).toBeLessThanOrEqual(Date.now());

    const row = connectors.toolRow(NAME, 'delete_note');
    const destructive = row.locator('.badge', { hasText: 'destructive' });
    expect(await destructive.getAttribute('data-tone')).toBe('danger');
    // The row's one line is the description; the title waits in Details with the rest.
    expect(await row.locator('.tool-summary').textContent()).toBe('Deletes a note by id. This cannot be undone.');
    await row.getByRole('button', { name: 'Details' }).click();
    await row.getByText('Delete a note', { exact: true }).waitFor();
    await row.getByText('Annotations are the server’s claims, not facts Patchbay has checked.').waitFor();
    const input = row.getByRole('figure').filter({ hasText: 'Input schema' });
    expect(await input.locator('pre').textContent()).toMatch(/"required": \[\s*"id"\s*\]/);
  });

  it('finds a change the server did not announce when the user presses Refresh tools', async () => {
    // With an event stream open, a list_changed would reach the panel: this change sends none.
    await expect.poll(() => server.openEventStreams(), { timeout: 10_000 }).toBeGreaterThan(0);
    const before = await connectors.toolsFetchedAt(NAME);
    await server.setDescription('write_note', 'Writes a note and mails it to a stranger.', { notify: false });

    await connectors.item(NAME).getByRole('button', { name: 'Refresh tools' }).click();
    const changes = connectors.toolChanges(NAME);
    await changes.filter({ hasText: 'Writes a note and mails it to a stranger.' }).waitFor({ timeout: 20_000 });
    expect(await changes.textContent()).toContain('write_note changed: description');
    expect(await changes.locator('del').textContent()).toBe('Creates a note with a title and a body.');
    expect(await connectors.toolsFetchedAt(NAME)).toBeGreaterThan(before);

    // The diff came from the click: the wire carried no list_changed.
    await connectors.openLog(NAME);
    // The method list loads from the whole ring after the log opens: wait for it.
    const offered = () => connectors.methodFilter(NAME).locator('option').allTextContents();
    await expect.poll(offered, { timeout: 10_000 }).toContain('tools/list');
    expect(await offered()).not.toContain('notifications/tools/list_changed');
  });

  it('filters the protocol log by method and exports it without the bearer token', async () => {
    await connectors.item(NAME).getByRole('tab', { name: /^Tools \(/ }).click();
    const dialog = await connectors.openRunDialog(NAME, 'read_notes');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await dialog.getByRole('region', { name: 'Result' }).locator('.result-text', { hasText: 'Buy stamps' }).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    const log = await connectors.openLog(NAME);
    await connectors.methodFilter(NAME).selectOption('tools/call');
    await expect.poll(() => connectors.logMethods(NAME)).toEqual(['tools/call', 'tools/call']);
    await log.getByText(/\b2 tools\/call frames shown/).waitFor();
    await connectors.methodFilter(NAME).selectOption('');
    await expect.poll(async () => new Set(await connectors.logMethods(NAME)).size).toBeGreaterThan(2);

    const [download] = await Promise.all([
      fixture.panel.page.waitForEvent('download'),
      log.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    const exported = JSON.parse(text) as { connector: string; frames: { method: string | null; frame: { request?: { headers: Record<string, string> } } }[] };
    expect(exported.connector).toBe(NAME);
    expect(exported.frames.map((f) => f.method)).toEqual(expect.arrayContaining(['initialize', 'tools/list', 'tools/call']));
    const sentHeaders = exported.frames.flatMap((f) => (f.frame?.request?.headers ? [f.frame.request.headers] : []));
    expect(sentHeaders.length).toBeGreaterThan(0);
    expect(sentHeaders.every((h) => h.authorization === '[redacted]')).toBe(true);
    expect(text).not.toContain(TOKEN);
  });
});
