import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** A component split into its own chunk, and a way to start fetching that chunk ahead of time. */
export interface Loadable<P extends object> {
  /** Renders `fallback` until the chunk has arrived, then the component, in the same frame. */
  Component: ComponentType<P & { fallback: ReactNode }>;
  preload(): Promise<ComponentType<P>>;
}

/**
 * Like `React.lazy`, without Suspense: React holds a suspended boundary's content back until
 * 300 ms after its fallback appeared (so fallbacks do not flash), which made a conversation opened
 * before its view's chunk arrived wait ~300 ms however fast the chunk came. Here the fallback is
 * ordinary output and the component replaces it as soon as it loads. A failed load is thrown at
 * the next render, to the screen's error boundary, and tried again when the screen is reopened.
 */
export function loadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Loadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  function LoadableComponent({ fallback, ...props }: P & { fallback: ReactNode }) {
    const [state, setState] = useState<{ component: ComponentType<P> | null; error?: unknown }>(() => ({ component: loaded }));
    useEffect(() => {
      if (state.component) return;
      let current = true;
      preload().then(
        (component) => current && setState({ component }),
        (error: unknown) => current && setState({ component: null, error }),
      );
      return () => void (current = false);
    }, [state.component]);
    if (state.error !== undefined) throw state.error;
    const Loaded = state.component;
    return Loaded ? <Loaded {...(props as P)} /> : <>{fallback}</>;
  }
  return { Component: LoadableComponent, preload };
}
