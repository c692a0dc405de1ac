import { NavLink } from 'react-router';

export interface ModuleNavLink {
  to: string;
  label: string;
  /** Active only on exactly this path (the module's first view). */
  end?: boolean;
}

/** The row of links between a module's views (network, lending …), the current one marked by NavLink. */
export function ModuleNav({ label, className, links }: { label: string; className: string; links: readonly ModuleNavLink[] }) {
  return (
    <nav aria-label={label} className={className}>
      <ul className="button-row plain-list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="button button--small">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
