import { NavLink } from 'react-router';

export type TTab = { to: string; label: string; end?: boolean };

/**
 * Tabs are links: every tab has its own URL, and NavLink marks the current one
 * with aria-current="page".
 */
export function TabNav({ tabs, label }: { tabs: readonly TTab[]; label: string }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} className="tab" preventScrollReset>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
