import type { PanelTab } from '../app/tabs';
import { ChatSetup } from './ChatSetup';
import { ChatWorkspace } from './ChatWorkspace';
import { useChatPrerequisites } from './useChatPrerequisites';

/** The chat once a model and a connector exist; until then, the checklist that says what is missing. */
export function ChatScreen({ onNavigate }: { onNavigate(tab: PanelTab): void }) {
  const ready = useChatPrerequisites();
  if (ready === undefined) return <div aria-busy="true" />;
  const { model, connectors } = ready;
  if (!model || connectors.length === 0) return <ChatSetup model={model} connectorCount={connectors.length} onNavigate={onNavigate} />;
  return <ChatWorkspace connectors={connectors} />;
}
