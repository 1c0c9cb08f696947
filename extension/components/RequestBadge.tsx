import type { RequestState } from '../../shared/schemas/report.ts';
import { t } from '../lib/i18n.ts';

/** A request's state at the help desk, in words. */
export function RequestBadge({ state, testId }: { state: RequestState; testId?: string }) {
  return (
    <span class={`badge req-${state}`} data-testid={testId}>
      {t(`request.state.${state}`)}
    </span>
  );
}
