import { lazy, Suspense, useCallback, useState } from 'react';
import { ChatScreen } from '../chat/ChatScreen';
import { Tabs } from '../ui/Tabs';
import { LogFocusContext, type LogFocus } from './log-focus';
import { usePanelServices } from './panel-services';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { PANEL_TABS, type PanelTab } from './tabs';
import { StatusBar } from './StatusBar';
import { useLinkState } from './useLinkState';
import { OpenChatContext } from '../context/open-chat';
import { useDraftResourceUpdates } from '../chat/useDraftResourceUpdates';

// The first screen is the chat: the other two load when their tab is first opened, so a cold open
// does not download and compile their forms, tool lists and settings.
const ConnectorsScreen = lazy(() => import('../connectors/ConnectorsScreen').then((m) => ({ default: m.ConnectorsScreen })));
const LogScreen = lazy(() => import('../inspector/LogScreen'));
const SettingsScreen = lazy(() => import('../settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));

/** Header with the three tabs, the selected screen, and the status footer. */
export function PanelShell({ version, iconUrl }: { version: string; iconUrl: string }) {
  const { link } = usePanelServices();
  const linkState = useLinkState(link);
  useDraftResourceUpdates(link);
  const [tab, setTab] = useState<PanelTab>('chat');
  const [logFocus, setLogFocus] = useState<LogFocus | null>(null);
  const openProtocolLog = useCallback((focus: LogFocus) => {
    setLogFocus(focus);
    setTab('connectors');
  }, []);
  const select = useCallback((next: PanelTab) => {
    setLogFocus(null);
    setTab(next);
  }, []);
  const openChat = useCallback(() => select('chat'), [select]);

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <img src={iconUrl} alt="" />
          <span>Patchbay</span>
        </div>
        <Tabs<PanelTab> tabs={PANEL_TABS} selected={tab} onSelect={select} label="Patchbay sections" />
      </header>
      <main className="tabpanel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0}>
        <LogFocusContext.Provider value={openProtocolLog}>
          <OpenChatContext.Provider value={openChat}>
            <ScreenErrorBoundary resetKey={tab}>
              <Suspense fallback={<div aria-busy="true" />}>{screenFor(tab, select, logFocus)}</Suspense>
            </ScreenErrorBoundary>
          </OpenChatContext.Provider>
        </LogFocusContext.Provider>
      </main>
      <StatusBar link={linkState} version={version} />
    </div>
  );
}

function screenFor(tab: PanelTab, navigate: (tab: PanelTab) => void, logFocus: LogFocus | null) {
  switch (tab) {
    case 'chat':
      return <ChatScreen onNavigate={navigate} />;
    case 'connectors':
      return <ConnectorsScreen logFocus={logFocus} />;
    case 'log':
      return <LogScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
