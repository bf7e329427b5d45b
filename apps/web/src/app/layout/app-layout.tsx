import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { paths } from '../../config/paths';
import { useHasRole } from '../../lib/auth/get-session';
import { useT } from '../../i18n/i18n-context';
import { LoadingState } from '../../components/ui/state-views';
import { LanguageSwitch } from '../../components/ui/language-switch';
import { UserMenu } from './user-menu';

function NavItem({ to, isActive, children }: { to: string; isActive: boolean; children: ReactNode }) {
  return (
    <li>
      <Link to={to} className="nav-link" aria-current={isActive ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}

export function AppLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const canUpload = useHasRole('planner');
  const isUpload = pathname === paths.upload.path;
  const isInputSets = pathname.startsWith(paths.inputSets.path) && !isUpload;
  const isPlans = pathname === paths.plans.path || pathname.startsWith('/ui/runs/');

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('header.skipToContent')}
      </a>
      <header className="app-header">
        <Link to={paths.inputSets.getHref()} className="app-brand">
          <span className="app-brand-mark" aria-hidden="true">
            P
          </span>
          {t('app.name')}
        </Link>
        <nav className="app-nav" aria-label={t('nav.label')}>
          <ul>
            <NavItem to={paths.inputSets.getHref()} isActive={isInputSets}>
              {t('nav.inputSets')}
            </NavItem>
            {canUpload ? (
              <NavItem to={paths.upload.getHref()} isActive={isUpload}>
                {t('nav.upload')}
              </NavItem>
            ) : null}
            <NavItem to={paths.plans.getHref()} isActive={isPlans}>
              {t('nav.plans')}
            </NavItem>
          </ul>
        </nav>
        <div className="app-header-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
