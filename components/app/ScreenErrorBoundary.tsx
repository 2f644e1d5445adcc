import { Component, type ReactNode } from 'react';
import { errorText } from '../ui/error-text';

interface State {
  error: unknown;
}

/**
 * Catches what a screen throws while rendering (a live query on a broken table, say) and shows it
 * in place, so the tabs stay usable and the panel never goes blank.
 */
export class ScreenErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice" data-tone="error" role="alert">
        <strong>This screen failed to load</strong>
        {errorText(this.state.error)}
        <div className="row" style={{ marginTop: 8 }}>
          <button className="btn" type="button" onClick={() => location.reload()}>
            Reload panel
          </button>
        </div>
      </div>
    );
  }
}
