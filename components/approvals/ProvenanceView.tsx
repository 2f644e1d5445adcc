import { provenanceSentence, type ProvenanceHit } from './approval-text';

/**
 * Where parts of the input came from. Text from another connector's output is a warning (one
 * server steering a call to another); from the same connector, only information.
 */
export function ProvenanceView({ hits }: { hits: readonly ProvenanceHit[] }) {
  const foreign = hits.some((hit) => !hit.sameConnector);
  return (
    <section className="provenance" aria-label="Provenance" data-tone={foreign ? 'warn' : 'info'}>
      <ul>
        {hits.map((hit, index) => (
          <li key={`${hit.source.callId}:${hit.path}:${index}`} data-tone={hit.sameConnector ? 'info' : 'warn'}>
            <span role={hit.sameConnector ? undefined : 'note'}>
              <strong className="provenance-mark">{hit.sameConnector ? 'Note:' : 'Warning:'}</strong> {provenanceSentence(hit)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
