import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useEverythingConnector } from '../harness/everything-connector';
import { useScriptedModel } from '../harness/scripted-chat';
import { putRawRow } from '../harness/raw-rows';

describe('a conversation whose stored row is damaged, in Chromium', () => {
  const fixture = useChromiumPanel();
  useEverythingConnector(fixture);
  useScriptedModel(fixture, 'sk-corrupt-conversation');

  it('is listed, and opening it says why it cannot be shown instead of drawing its values', async () => {
    const { page } = fixture.panel;
    // As a corrupt import or another version could leave it: a list item's fields are fine, the rest is not.
    await page.evaluate(putRawRow, { table: 'conversations', row: { id: 'damaged-1', title: 'Damaged one', updatedAt: Date.now(), connectorIds: '<img src=x onerror=alert(1)>', systemPrompt: 42 } });
    // Written past Dexie, so no live query hears of it: the panel reads it when it opens.
    await fixture.panel.reload();
    const chat = await fixture.panel.openChat();
    await page.getByRole('button', { name: 'Conversations', exact: true }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /^Damaged one / }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'This conversation cannot be opened: its stored row is damaged' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('connectorIds');
    // The chat is a new conversation again and still works.
    expect(await page.locator('.chat-title').textContent()).toBe('New conversation');
    expect(await chat.message.isEnabled()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });
});
