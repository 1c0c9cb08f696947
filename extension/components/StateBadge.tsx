import type { ReportState } from '../../shared/schemas/report.ts';
import { t } from '../lib/i18n.ts';

/** A sent report's state as the server last told it. */
export function StateBadge({ state, testId }: { state: ReportState; testId?: string }) {
  return (
    <span class={`badge ${state}`} data-testid={testId}>
      {t(`report.state.${state}`)}
    </span>
  );
}
