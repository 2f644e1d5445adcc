import { Suspense, useCallback, useState } from 'react';
import { ChatScreen } from '../chat/ChatScreen';
import { Tabs } from '../ui/Tabs';
import { loadable } from './loadable';
import { LogFocusContext, type LogFocus } from './log-focus';
import { usePanelServices } from './panel-services';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { PANEL_TABS, type PanelTab } from './tabs';
import { StatusBar } from './StatusBar';
import { useLinkState } from './useLinkState';
import { usePanelShortcuts } from './usePanelShortcuts';
import { OpenChatContext } from '../context/open-chat';
import { useDraftResourceUpdates } from '../chat/useDraftResourceUpdates';

// The first screen is the chat: the other two load when their tab is first opened, so a cold open
// does not download and compile their forms, tool lists and settings. Not React.lazy: a Suspense
// boundary holds a screen that loaded in 20 ms back for 300 ms (loadable.tsx).
const connectorsScreen = loadable(async () => ({ default: (await import('../connectors/ConnectorsScreen')).ConnectorsScreen }));
const settingsScreen = loadable(async () => ({ default: (await import('../settings/SettingsScreen')).SettingsScreen }));
const screenLoading = <div aria-busy="true" />;
const shortcutsDialog = loadable(() => import('./ShortcutsDialog'));
const logScreen = loadable(() => import('../inspector/LogScreen'));

/** Header with the tabs and the shortcuts button, the selected screen, and the status footer. */
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
  const [helpOpen, setHelpOpen] = useState(false);
  usePanelShortcuts({ showChat: openChat, openHelp: () => setHelpOpen(true) });

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand" title={`Patchbay ${version}`}>
          <img src={iconUrl} alt="" />
          <span className="brand-name">Patchbay</span>
        </div>
        <Tabs<PanelTab> tabs={PANEL_TABS} selected={tab} onSelect={select} label="Patchbay sections" />
        <button className="btn btn-small help-button" type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
          ?
        </button>
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
      <StatusBar link={linkState} />
      {helpOpen && (
        <shortcutsDialog.Component fallback={null} version={version} onClose={() => setHelpOpen(false)} />
      )}
    </div>
  );
}

function screenFor(tab: PanelTab, navigate: (tab: PanelTab) => void, logFocus: LogFocus | null) {
  switch (tab) {
    case 'chat':
      return <ChatScreen onNavigate={navigate} />;
    case 'connectors':
      return <connectorsScreen.Component logFocus={logFocus} fallback={screenLoading} />;
    case 'log':
      return <logScreen.Component fallback={screenLoading} />;
    case 'settings':
      return <settingsScreen.Component fallback={screenLoading} />;
  }
}
