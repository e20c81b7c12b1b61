/**
 * Catches a screen that fails to render, so the kiosk never shows a blank page: the visitor sees
 * what happened and can start again, and after a while the kiosk starts a fresh visit by itself.
 */
import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel } from './ErrorPanel.tsx';

const restartAfterMs = 15_000;

interface State {
  failed: boolean;
  attempt: number;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false, attempt: 0 };
  #timer: number | undefined;

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('a screen failed to render', error, info.componentStack);
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(this.#restart, restartAfterMs);
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.#timer);
  }

  #restart = () => {
    window.clearTimeout(this.#timer);
    this.setState(({ attempt }) => ({ failed: false, attempt: attempt + 1 }));
  };

  override render() {
    if (this.state.failed) return <ErrorPanel code="internal" onRetry={this.#restart} />;
    // A new key remounts everything below: the failed visit is dropped as a whole.
    return <Fragment key={this.state.attempt}>{this.props.children}</Fragment>;
  }
}
