import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Location } from 'react-router';
import { RouteErrorPage } from './routes/route-error-page';

type TProps = { location: Location; children: ReactNode };
type TState = { error: unknown; location: Location };

/**
 * Last line of defence for errors thrown while rendering a page (RouteErrorPage), as the
 * data router's root `errorElement` was: the error is kept until the next navigation.
 */
export class RouteErrorBoundary extends Component<TProps, TState> {
  constructor(props: TProps) {
    super(props);
    this.state = { error: undefined, location: props.location };
  }

  static getDerivedStateFromError(error: unknown): Partial<TState> {
    return { error };
  }

  static getDerivedStateFromProps(props: TProps, state: TState): Partial<TState> | null {
    // A new location clears the error, so that the back button or a link leaves it.
    return props.location === state.location ? null : { error: undefined, location: props.location };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error === undefined ? this.props.children : <RouteErrorPage error={this.state.error} />;
  }
}
