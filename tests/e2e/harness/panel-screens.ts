import type { Locator } from 'playwright-core';
import type { ChatPage } from '../pages/chat-page';
import { ConnectorsPage } from '../pages/connectors-page';
import { ContextPage } from '../pages/context-page';
import type { PanelPage } from '../pages/panel-page';

/** What a screen's steps may use: the panel and its page objects, set up by the test file. */
export interface ScreenContext {
  panel: PanelPage;
  chat: ChatPage;
  /** The title of the stored conversation that holds a tool call card and a pending approval card. */
  conversationTitle: RegExp;
  /** The title of the stored conversation whose answer is Markdown: a table, a code block, a list. */
  answerTitle: RegExp;
}

/**
 * One screen of the panel, as the width checks visit it: `open` brings it up from wherever the
 * previous screen left the panel and resolves once it is drawn; `close` undoes what `open` laid
 * over the panel (a dialog). `mustShow` lists controls that must be on screen without scrolling.
 */
export interface PanelScreen {
  name: string;
  open(context: ScreenContext): Promise<void>;
  close?(context: ScreenContext): Promise<void>;
  mustShow?(context: ScreenContext): Locator[];
}

const CONNECTOR = 'Everything';

async function openConnectorTab(context: ScreenContext, tab: 'Tools' | 'Prompts' | 'Resources'): Promise<ContextPage> {
  const connectors = await context.panel.openConnectors();
  const view = new ContextPage(context.panel.page);
  await view.openTab(CONNECTOR, tab);
  if (tab === 'Tools') await connectors.waitForTool(CONNECTOR, 'echo');
  return view;
}

/** Opens a connector's workbench screen (Report card, Evals) from its card. */
async function openWorkbench(context: ScreenContext, button: 'Report card' | 'Evals'): Promise<void> {
  await openConnectorTab(context, 'Tools');
  await new ConnectorsPage(context.panel.page).item(CONNECTOR).getByRole('button', { name: button, exact: true }).click();
  await context.panel.page.getByRole('region', { name: button }).waitFor();
}

async function closeWorkbench({ panel }: ScreenContext): Promise<void> {
  await panel.page.getByRole('button', { name: '← Back' }).click();
  await panel.page.getByRole('button', { name: 'Add connector' }).waitFor();
}

/** Opens a stored conversation from the conversation list, by its title. */
async function openConversation({ panel, chat }: ScreenContext, title: RegExp): Promise<void> {
  await panel.openChat();
  await chat.message.waitFor();
  const page = panel.page;
  const drawer = page.getByRole('navigation', { name: 'Conversations' });
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  await drawer.getByText(title).first().click();
  await drawer.waitFor({ state: 'detached' });
}

function pendingApproval(context: ScreenContext): Locator {
  const page = context.panel.page;
  return context.chat.approvalCard('write_note').filter({ has: page.getByRole('button', { name: 'Approve', exact: true }) });
}

/**
 * Every screen the acceptance checks visit, in order. Add a screen here and it is photographed at
 * each width and theme, checked for sideways overflow and scanned by axe-core.
 */
export const PANEL_SCREENS: PanelScreen[] = [
  {
    name: 'chat-empty',
    async open({ panel, chat }) {
      await panel.openChat();
      await chat.newConversation();
    },
  },
  {
    name: 'chat-answer',
    async open(context) {
      await openConversation(context, context.answerTitle);
      await context.panel.page.locator('.code-block').first().waitFor();
    },
  },
  {
    name: 'chat-conversation',
    async open(context) {
      await openConversation(context, context.conversationTitle);
      await context.chat.toolCard('echo').first().waitFor();
      await pendingApproval(context).waitFor();
    },
    mustShow: (context) => {
      const card = pendingApproval(context);
      return [card.getByRole('button', { name: 'Approve', exact: true }), card.getByRole('button', { name: 'Deny', exact: true })];
    },
  },
  {
    name: 'chat-conversation-list',
    async open({ panel, chat }) {
      await panel.openChat();
      await chat.message.waitFor();
      await panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await panel.page.getByRole('navigation', { name: 'Conversations' }).getByRole('listitem').first().waitFor();
    },
    async close({ panel }) {
      await panel.page.getByRole('button', { name: 'Conversations', exact: true }).click();
      await panel.page.getByRole('navigation', { name: 'Conversations' }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'connector-form',
    async open({ panel }) {
      await panel.openConnectors();
      await panel.page.getByRole('button', { name: 'Add connector' }).click();
      await panel.page.getByRole('textbox', { name: 'URL' }).waitFor();
    },
    async close({ panel }) {
      await panel.page.getByRole('button', { name: 'Cancel', exact: true }).click();
      await panel.page.getByRole('button', { name: 'Add connector' }).waitFor();
    },
  },
  {
    name: 'connectors',
    async open(context) {
      await openConnectorTab(context, 'Tools');
    },
  },
  {
    name: 'connector-prompts',
    async open(context) {
      const view = await openConnectorTab(context, 'Prompts');
      await view.item(CONNECTOR).getByRole('region', { name: `${CONNECTOR} prompts` }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'connector-resources',
    async open(context) {
      const view = await openConnectorTab(context, 'Resources');
      await view.item(CONNECTOR).getByRole('list', { name: 'Resources' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'report-card',
    async open(context) {
      await openWorkbench(context, 'Report card');
      await context.panel.page.getByRole('region', { name: 'Report card' }).getByRole('listitem').first().waitFor();
    },
    close: closeWorkbench,
  },
  {
    name: 'evals',
    async open(context) {
      await openWorkbench(context, 'Evals');
    },
    close: closeWorkbench,
  },
  {
    name: 'log',
    async open({ panel }) {
      await panel.tab('Log').click();
      await panel.page.getByRole('searchbox', { name: 'Search frames' }).waitFor();
      await panel.page.locator('.protocol-log .frame-line').first().waitFor();
    },
  },
  {
    name: 'settings',
    async open({ panel }) {
      await panel.openSettings();
      await panel.page.getByRole('radiogroup', { name: 'Theme' }).waitFor();
    },
  },
  {
    name: 'settings-appearance',
    async open({ panel }) {
      await panel.openSettings();
      await panel.page.getByRole('radiogroup', { name: 'Theme' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'run-dialog',
    async open(context) {
      await openConnectorTab(context, 'Tools');
      await new ConnectorsPage(context.panel.page).openRunDialog(CONNECTOR, 'echo');
    },
    async close({ panel }) {
      await panel.page.keyboard.press('Escape');
      await panel.page.getByRole('dialog', { name: 'Run echo' }).waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'shortcuts-dialog',
    async open({ panel }) {
      await panel.page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await panel.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    },
    async close({ panel }) {
      await panel.page.keyboard.press('Escape');
      await panel.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    },
  },
];
