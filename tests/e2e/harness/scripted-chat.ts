import { afterAll, beforeAll } from 'vitest';
import { startPolicyServer, type PolicyServer } from '../../fixtures/mcp-servers/policy-server';
import { startModelServer, type ModelServer } from '../../fixtures/model-server';
import type { ChatPage } from '../pages/chat-page';
import type { ChromiumPanel } from './chromium-panel-fixture';

/** Filled in by `beforeAll`: the scripted model saved in Settings (Chat Completions). */
export interface ScriptedModel {
  model: ModelServer;
}

/**
 * Starts the scripted OpenAI-compatible model for the test file and saves it in Settings under
 * `apiKey`, as a user would; it stops after the file. Read the fields inside tests.
 */
export function useScriptedModel(fixture: ChromiumPanel, apiKey: string): ScriptedModel {
  const scripted = {} as ScriptedModel;
  beforeAll(async () => {
    scripted.model = await startModelServer({ apiKey, models: ['scripted-model'] });
    const settings = await fixture.panel.openSettings();
    await settings.fill({ apiKey, baseUrl: scripted.model.url, model: 'scripted-model' });
    await settings.save();
  });
  afterAll(async () => scripted.model?.close());
  return scripted;
}

/** Filled in by `beforeAll`: the scripted model, the recording policy server added as "Notes", the Chat tab open. */
export interface NotesChat extends ScriptedModel {
  server: PolicyServer;
  chat: ChatPage;
}

/**
 * The approval tests' world: the scripted model saved, the policy server (which records every
 * call it receives) added as the connector "Notes" with `tool` listed, then the Chat tab.
 */
export function useNotesChat(fixture: ChromiumPanel, apiKey: string, tool = 'write_note'): NotesChat {
  const world = useScriptedModel(fixture, apiKey) as NotesChat;
  beforeAll(async () => {
    world.server = await startPolicyServer();
    const connectors = await fixture.panel.openConnectors();
    await connectors.add({ name: 'Notes', url: world.server.url });
    await connectors.waitForTool('Notes', tool);
    world.chat = await fixture.panel.openChat();
  });
  afterAll(async () => world.server?.close());
  return world;
}
