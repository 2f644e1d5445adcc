import { mkdir } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useNotesChat } from '../harness/scripted-chat';

const SHOTS = '/tmp/patchbay-replay';

describe('Replay and saved calls in Chromium, against a server that records what it receives', () => {
  const fixture = useChromiumPanel();
  const world = useNotesChat(fixture, 'sk-replay');
  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
  });

  const page = () => fixture.panel.page;
  const writes = () => world.server.calls.filter((call) => call.name === 'write_note').map((call) => call.arguments);
  const dialog = (tool: string) => page().getByRole('dialog', { name: `Run ${tool}` });

  /** A conversation in which the model wrote one note (approved on the chat's card). */
  async function chatWithWrittenNote(title: string): Promise<void> {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    world.model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__write_note', arguments: JSON.stringify({ title, body: 'From the model' }) }] }, { type: 'text', text: `Wrote ${title}.` }]);
    await world.chat.send(`Write a note titled ${title}`);
    const card = world.chat.approvalCard('write_note').filter({ has: page().getByRole('button', { name: 'Approve', exact: true }) });
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await world.chat.answerText(`Wrote ${title}.`).waitFor({ timeout: 20_000 });
  }

  it('replays a chat call over the chat with edited input; the write asks first, and the server receives the edited input', async () => {
    await chatWithWrittenNote('original');
    expect(writes()).toEqual([{ title: 'original', body: 'From the model' }]);

    await world.chat.toolCard('write_note').getByRole('button', { name: 'Replay', exact: true }).click();
    const run = dialog('write_note');
    await run.waitFor();
    // Over the chat: no tab switch, the dialog is filled with the call's input.
    await expect.poll(() => page().getByRole('tab', { name: 'Chat', exact: true }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => run.getByLabel('title', { exact: true }).inputValue()).toBe('original');
    await expect.poll(() => run.getByLabel('body', { exact: true }).inputValue()).toBe('From the model');
    await run.getByLabel('title', { exact: true }).fill('edited by hand');
    await run.getByRole('button', { name: 'Run', exact: true }).click();

    const approval = run.getByRole('article', { name: 'Approve write_note?' });
    await approval.waitFor();
    expect(await approval.textContent()).toContain('edited by hand');
    expect(writes()).toHaveLength(1);
    await page().setViewportSize({ width: 400, height: 820 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page().emulateMedia({ colorScheme });
      await page().screenshot({ path: `${SHOTS}/replay-approval-${colorScheme}.png` });
    }
    await approval.getByRole('button', { name: 'Approve', exact: true }).click();
    await run.getByRole('region', { name: 'Result' }).getByText('Saved note "edited by hand".').waitFor();
    expect(writes()).toEqual([{ title: 'original', body: 'From the model' }, { title: 'edited by hand', body: 'From the model' }]);
    expect(await run.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);

    // Run again asks again; Deny sends nothing.
    await run.getByRole('button', { name: 'Run again', exact: true }).click();
    await run.getByRole('article', { name: 'Approve write_note?' }).getByRole('button', { name: 'Deny', exact: true }).click();
    await run.getByText('Denied: nothing was sent to the server.').waitFor();
    expect(writes()).toHaveLength(2);
    await run.getByRole('button', { name: 'Close', exact: true }).click();

    // Audited like the chat's decisions, as a replay.
    await fixture.panel.openSettings();
    const log = page().getByRole('region', { name: 'Audit log' });
    await log.getByRole('listitem').filter({ hasText: 'write_note' }).filter({ hasText: /Denied/ }).filter({ hasText: 'a replay from the Run dialog' }).first().waitFor();
    await fixture.panel.openChat();
  });

  it('replays a read-only call at once, without asking', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    world.model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__read_notes', arguments: '{}' }] }, { type: 'text', text: 'Read them.' }]);
    await world.chat.send('Read my notes');
    await world.chat.answerText('Read them.').waitFor({ timeout: 20_000 });
    const before = world.server.calls.filter((call) => call.name === 'read_notes').length;
    await world.chat.toolCard('read_notes').getByRole('button', { name: 'Replay', exact: true }).click();
    const run = dialog('read_notes');
    await run.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => world.server.calls.filter((call) => call.name === 'read_notes').length).toBe(before + 1);
    expect(await run.getByRole('article', { name: /Approve/ }).count()).toBe(0);
    await run.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('says when the tool changed since the call, and offers no Run for a tool the server dropped', async () => {
    await world.chat.newConversation();
    await world.chat.useConnectors('Notes');
    world.model.script([{ type: 'tool-calls', calls: [{ name: 'Notes__read_notes', arguments: '{}' }] }, { type: 'text', text: 'Read them again.' }]);
    await world.chat.send('Read my notes again');
    await world.chat.answerText('Read them again.').waitFor({ timeout: 20_000 });

    async function refreshTools(): Promise<void> {
      const connectors = await fixture.panel.openConnectors();
      const before = await connectors.toolsFetchedAt('Notes');
      await connectors.item('Notes').getByRole('button', { name: 'Refresh tools', exact: true }).click();
      await expect.poll(() => connectors.toolsFetchedAt('Notes')).toBeGreaterThan(before);
      await fixture.panel.openChat();
    }

    await world.server.setDescription('read_notes', 'Reads notes, and now also their history.', { notify: false });
    await refreshTools();
    await world.chat.toolCard('read_notes').last().getByRole('button', { name: 'Replay', exact: true }).click();
    let run = dialog('read_notes');
    await run.getByText('read_notes has changed since this call was made', { exact: false }).waitFor();
    await run.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await run.getByRole('button', { name: 'Close', exact: true }).click();

    await world.server.setListed('read_notes', false);
    await refreshTools();
    await world.chat.toolCard('read_notes').last().getByRole('button', { name: 'Replay', exact: true }).click();
    run = dialog('read_notes');
    await run.getByText('Notes no longer offers read_notes', { exact: false }).waitFor();
    expect(await run.getByRole('button', { name: 'Run', exact: true }).count()).toBe(0);
    await run.getByRole('button', { name: 'Close', exact: true }).click();
    await world.server.setListed('read_notes', true);
    await refreshTools();
  });

  it('saves a call by name, runs it again from the tool row, renames and deletes it', async () => {
    await chatWithWrittenNote('to save');
    await world.chat.toolCard('write_note').last().getByRole('button', { name: 'Replay', exact: true }).click();
    let run = dialog('write_note');
    await run.getByLabel('title', { exact: true }).fill('saved title');
    const saved = run.getByRole('region', { name: 'Saved calls' });
    await saved.getByLabel('Call name').fill('Weekly note');
    await saved.getByRole('button', { name: 'Save call', exact: true }).click();
    await saved.getByRole('listitem', { name: 'Weekly note' }).waitFor();
    await page().setViewportSize({ width: 400, height: 820 });
    await saved.scrollIntoViewIfNeeded();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page().emulateMedia({ colorScheme });
      await page().screenshot({ path: `${SHOTS}/saved-calls-${colorScheme}.png` });
    }
    await run.getByRole('button', { name: 'Close', exact: true }).click();

    const connectors = await fixture.panel.openConnectors();
    run = await connectors.openRunDialog('Notes', 'write_note');
    const item = run.getByRole('region', { name: 'Saved calls' }).getByRole('listitem', { name: 'Weekly note' });
    await item.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => run.getByLabel('title', { exact: true }).inputValue()).toBe('saved title');
    const before = writes().length;
    await run.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => writes().length).toBe(before + 1);
    expect(writes().at(-1)).toEqual({ title: 'saved title', body: 'From the model' });
    // A hand run's result has Replay too: it puts back exactly what was sent.
    await run.getByLabel('title', { exact: true }).fill('changed after the run');
    await run.getByRole('region', { name: 'Result' }).getByRole('button', { name: 'Replay', exact: true }).click();
    await expect.poll(() => run.getByLabel('title', { exact: true }).inputValue()).toBe('saved title');

    await item.getByRole('button', { name: 'Rename', exact: true }).click();
    await run.getByLabel('New name').fill('Monday note');
    await run.getByRole('button', { name: 'Save', exact: true }).click();
    const renamed = run.getByRole('listitem', { name: 'Monday note' });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: 'Delete', exact: true }).click();
    await run.getByText('No saved calls for write_note yet.').waitFor();
    await run.getByRole('button', { name: 'Close', exact: true }).click();
  });
});
