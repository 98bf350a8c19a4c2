/** One section of an area's sub-navigation: its address (without the #), its name, and whether the page is in it. */
export type SubNavSection = { href: string; label: string; current: boolean };

/**
 * An area's sub-navigation (Meetings, Documents, Plans, the Toolkit): links under the area's
 * heading, the current one marked with aria-current="page" so a screen reader says so.
 * `className` "docs-tabs" is the form that sits inside a page rather than across its top.
 */
export function SubNav({
  label,
  sections,
  className = 'subnav',
}: {
  label: string;
  sections: readonly SubNavSection[];
  className?: string;
}) {
  return (
    <nav className={className} aria-label={label}>
      {sections.map((s) => (
        <a key={s.href} href={`#${s.href}`} aria-current={s.current ? 'page' : undefined}>
          {s.label}
        </a>
      ))}
    </nav>
  );
}
