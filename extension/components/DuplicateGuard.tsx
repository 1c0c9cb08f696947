import { formatTime, t } from '../lib/i18n.ts';
import type { SentReport } from '../lib/store.ts';
import { StateBadge } from './StateBadge.tsx';

interface Props {
  reports: SentReport[];
  onContinue: () => void;
}

/** A report for this page is still fresh: show it before a second is filed (004: no duplicates). */
export function DuplicateGuard({ reports, onContinue }: Props) {
  if (reports.length === 0) return null;
  return (
    <section class="notice" data-testid="duplicate-guard" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">{t('report.duplicate.heading')}</h2>
      <ul>
        {reports.map((r, i) => (
          <li key={r.reference}>
            <strong data-testid={`duplicate-reference-${i}`}>{r.reference}</strong> — {r.title}{' '}
            <span class="muted small">{t('report.duplicate.sentAt', { time: formatTime(r.sentAt) })}</span>{' '}
            <StateBadge state={r.state} testId={`duplicate-state-${i}`} />
          </li>
        ))}
      </ul>
      <p>{t('report.duplicate.explain')}</p>
      <div class="actions">
        <button type="button" data-testid="duplicate-continue" onClick={onContinue}>
          {t('report.duplicate.continue')}
        </button>
        <a href="/reports.html">{t('report.page.myReports')}</a>
      </div>
    </section>
  );
}
