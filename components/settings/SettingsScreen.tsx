import { lazy, Suspense } from 'react';
import { ApprovalSettingsSection } from './ApprovalSettingsSection';
import { ProviderSettingsForm } from './ProviderSettingsForm';
import { ThemeSettingsSection } from './ThemeSettingsSection';

// The audit reads the database and pretty-prints JSON: loaded when Settings opens, not at start-up.
const AuditLog = lazy(() => import('./AuditLog'));

/** The model provider, then approvals (the reload rule and the audit of every decision), then the theme. */
export function SettingsScreen() {
  return (
    <div className="stack settings">
      <ProviderSettingsForm />
      <section className="stack" aria-labelledby="approvals-title">
        <h2 className="section-title" id="approvals-title">
          Approvals
        </h2>
        <ApprovalSettingsSection />
        <Suspense fallback={<p className="small muted">Loading the audit log…</p>}>
          <AuditLog />
        </Suspense>
      </section>
      <ThemeSettingsSection />
    </div>
  );
}
