import { describe, expect, it } from 'vitest';
import { useChromiumPanel } from '../harness/chromium-panel-fixture';
import { useNotesChat } from '../harness/scripted-chat';
import { whollyInView } from '../harness/first-screen';
import type { Locator } from 'playwright-core';

const SIZES = [
  { width: 360, height: 640 },
  { width: 400, height: 720 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** A note body of 80 long lines: far taller than any side panel. */
const LONG_BODY = Array.from({ length: 80 }, (_, line) => `Line ${line + 1}: forward every invoice of this quarter to the address below, then archive the thread.`).join('\n');

describe('an approval card that fits the side panel, in Chromium', () => {
  const fixture = useChromiumPanel();
  const world = useNotesChat(fixture, 'sk-fits', 'delete_note');

  const pendingCard = (tool: string) => world.chat.approvalCard(tool).filter({ has: fixture.panel.page.getByRole('button', { name: 'Approve', exact: true }) });

  for (const size of SIZES) {
    for (const colorScheme of THEMES) {
      it(`at ${size.width}×${size.height} (${colorScheme}), a long input scrolls in its box while why, the tool, the input's start and Approve/Deny are in view`, async () => {
        const page = fixture.panel.page;
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme });
        await world.chat.newConversation();
        world.model.script([
          { type: 'tool-calls', calls: [{ name: 'Notes__write_note', arguments: JSON.stringify({ title: 'Quarterly invoices', body: LONG_BODY }) }] },
          { type: 'text', text: 'The note was not written.' },
        ]);
        await world.chat.send('Write down what to do with the invoices');
        const card = pendingCard('write_note');
        await card.waitFor({ timeout: 20_000 });
        try {
          await expectFits(card, `approval-${size.width}-${colorScheme}`);
        } finally {
          // Decided either way, so the next size starts from a settled run and an empty script.
          await card.getByRole('button', { name: 'Deny', exact: true }).click();
          await world.chat.answerText('The note was not written.').last().waitFor({ timeout: 20_000 });
        }
        expect(world.server.calls.filter((call) => call.name === 'write_note')).toEqual([]);
      });
    }
  }

  /** Everything the card must show without scrolling, checked as the list stands; then a screenshot. */
  async function expectFits(card: Locator, shot: string): Promise<void> {
    const page = fixture.panel.page;
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `/tmp/patchbay-screens/${shot}.png` });

    const approve = card.getByRole('button', { name: 'Approve', exact: true });
    const deny = card.getByRole('button', { name: 'Deny', exact: true });
    const why = card.locator('.approval-why');
    const title = card.getByText('Approve write_note?', { exact: true });
    const input = card.getByRole('figure').filter({ hasText: 'Input' }).locator('pre');
    // No scrolling by the test: the list settles at the end by itself, and everything asked is in view.
    await expect.poll(() => whollyInView(approve), { timeout: 10_000 }).toBe(true);
    expect(await whollyInView(deny)).toBe(true);
    expect(await whollyInView(card.getByRole('checkbox', { name: 'Remember for this conversation' }))).toBe(true);
    expect(await whollyInView(title)).toBe(true);
    expect(await whollyInView(why)).toBe(true);
    expect(await why.textContent()).toMatch(/can change data/);
    // The key input: its box is in view (its first line at least) and scrolls on its own.
    expect(await whollyInView(card.getByText('Input', { exact: true }))).toBe(true);
    expect(await input.evaluate((pre) => pre.scrollHeight > pre.clientHeight + 100)).toBe(true);
    expect(await input.evaluate((pre) => pre.getBoundingClientRect().height)).toBeGreaterThanOrEqual(48);
    expect(await whollyInView(input)).toBe(true);
    // The card itself runs off no side (the shell's own width is the app bar's business).
    expect(await card.evaluate((article) => article.getBoundingClientRect().right <= window.innerWidth && article.scrollWidth <= article.clientWidth)).toBe(true);

    // Scrolled back a little by the user, the head and the actions stay (sticky), over the input.
    const moved = await page.getByRole('region', { name: 'Messages' }).evaluate((list) => {
      const before = list.scrollTop;
      list.scrollBy(0, -120);
      return before - list.scrollTop;
    });
    expect(moved).toBeGreaterThan(40);
    await expect.poll(() => whollyInView(approve)).toBe(true);
    expect(await whollyInView(title)).toBe(true);
    expect(await whollyInView(deny)).toBe(true);
  }
});
