import { BrowserRouter, useLocation, useRoutes } from 'react-router';
import { RouteErrorBoundary } from './route-error-boundary';
import { routes } from './route-config';

/**
 * The routes rendered from the URL (React Router's declarative mode): the SPA uses no
 * loaders, actions or fetchers, and the data router (`createBrowserRouter`) added 16 KiB
 * gzip to the first page (docs/performance.md, Browser). The error boundary takes the
 * place of the data router's root `errorElement`, and is reset by a navigation as that was.
 */
function AppRoutes() {
  const location = useLocation();
  const element = useRoutes(routes);
  return <RouteErrorBoundary location={location}>{element}</RouteErrorBoundary>;
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <AppRoutes />
    </BrowserRouter>
  );
}
