import { t } from '../lib/i18n.ts';

type Link = 'reports' | 'settings';

const LINKS: Record<Link, { href: string; label: () => string }> = {
  reports: { href: '/reports.html', label: () => t('report.page.myReports') },
  settings: { href: '/options.html', label: () => t('report.page.settings') },
};

/** The heading of every extension page, with the way to the other pages. */
export function PageHeader({ title, subtitle, links }: { title: string; subtitle: string; links: Link[] }) {
  return (
    <header class="page-head">
      <div>
        <h1>{title}</h1>
        <p class="muted">{subtitle}</p>
      </div>
      <nav aria-label={t('report.page.nav')}>
        {links.map((link) => (
          <a key={link} href={LINKS[link].href}>
            {LINKS[link].label()}
          </a>
        ))}
      </nav>
    </header>
  );
}
