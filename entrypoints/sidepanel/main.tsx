import '@/lib/contract/zod-jitless-early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/components/ui/theme.css';
import { startOpeningDatabase } from '@/components/app/useOpenDatabase';
import { requestPersistentStorage } from '@/components/browser/persistent-storage';
import { startThemeSync } from '@/components/ui/theme';
import { holdReplyChecks } from '@/lib/messaging/reply-check-gate';
import { App } from './App';

startThemeSync();
// The command replies the first screen asks for are checked after it is drawn (ChatScreen releases them).
holdReplyChecks();
startOpeningDatabase();
void requestPersistentStorage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
