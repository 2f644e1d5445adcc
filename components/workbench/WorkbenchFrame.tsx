import type { ReactNode } from 'react';

interface WorkbenchFrameProps {
  /** The region's accessible name, also its heading: "Report card", "Evals". */
  title: string;
  connectorLabel: string;
  onBack(): void;
  /** Buttons beside the heading (Run evals, Export). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of a workbench screen: Back to the connectors, the heading, its actions, its content. */
export function WorkbenchFrame({ title, connectorLabel, onBack, actions, children }: WorkbenchFrameProps) {
  return (
    <section className="stack workbench" aria-label={title}>
      <div className="row spread">
        <button className="btn" type="button" onClick={onBack}>
          ← Back
        </button>
        <div className="row actions">{actions}</div>
      </div>
      <h2 className="section-title">
        {title} · {connectorLabel}
      </h2>
      {children}
    </section>
  );
}
