import type { ServerRequestRow } from '@/lib/contract/server-request';
import { useCommandQuery } from '../app/useCommandQuery';
import { SamplingCardView } from './SamplingCardView';

/** A sampling request's card, with the model from Settings that would answer it. */
export function SamplingCard({ row }: { row: ServerRequestRow }) {
  const settings = useCommandQuery('settings.get', {}, ['settings-changed']);
  return <SamplingCardView row={row} modelName={settings.status === 'ready' ? settings.data.model || null : null} />;
}
