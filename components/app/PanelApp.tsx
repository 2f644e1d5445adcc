import { useEffect, useMemo } from 'react';
import type { BackgroundLink } from '@/lib/messaging/background-link';
import { DatabaseErrorScreen } from './DatabaseErrorScreen';
import { PanelServicesContext } from './panel-services';
import { PanelShell } from './PanelShell';
import { useOpenDatabase } from './useOpenDatabase';

/** The panel's root: waits for the database, shows why if it cannot open, then the shell. */
export function PanelApp({ link, version, iconUrl }: { link: BackgroundLink; version: string; iconUrl: string }) {
  const database = useOpenDatabase();
  useEffect(() => {
    link.start();
    return () => link.stop();
  }, [link]);
  const services = useMemo(() => (database.status === 'ready' ? { link, db: database.db } : null), [link, database]);

  if (database.status === 'failed') return <DatabaseErrorScreen error={database.error} />;
  if (!services) return <div className="shell" aria-busy="true" />;
  return (
    <PanelServicesContext.Provider value={services}>
      <PanelShell version={version} iconUrl={iconUrl} />
    </PanelServicesContext.Provider>
  );
}
