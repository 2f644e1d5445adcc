import { createContext, useContext } from 'react';
import type { PatchbayDatabase } from '@/lib/db/database';
import type { BackgroundLink } from '@/lib/messaging/background-link';

/** What every screen may use: the port to the background and the database it reads live. */
export interface PanelServices {
  link: BackgroundLink;
  db: PatchbayDatabase;
}

export const PanelServicesContext = createContext<PanelServices | null>(null);

export function usePanelServices(): PanelServices {
  const services = useContext(PanelServicesContext);
  if (!services) throw new Error('usePanelServices outside PanelServicesContext');
  return services;
}
