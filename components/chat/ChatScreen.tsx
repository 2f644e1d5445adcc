import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ConnectorsRepository } from '@/lib/db/repositories/connectors-repository';
import { usePanelServices } from '../app/panel-services';
import type { PanelTab } from '../app/tabs';
import { useCommandQuery } from '../app/useCommandQuery';
import { ChatSetup } from './ChatSetup';
import { ChatWorkspace } from './ChatWorkspace';

/** The chat once a model and a connector exist; until then, the checklist that says what is missing. */
export function ChatScreen({ onNavigate }: { onNavigate(tab: PanelTab): void }) {
  const { db } = usePanelServices();
  const repository = useMemo(() => new ConnectorsRepository(db), [db]);
  const settings = useCommandQuery('settings.get', {}, ['settings-changed']);
  const connectors = useLiveQuery(() => repository.list(), [repository]);
  const model = settings.status === 'ready' ? settings.data.model : '';

  if (connectors === undefined || settings.status === 'loading') return <div aria-busy="true" />;
  if (!model || connectors.length === 0) return <ChatSetup model={model} connectorCount={connectors.length} onNavigate={onNavigate} />;
  return <ChatWorkspace connectors={connectors} />;
}
