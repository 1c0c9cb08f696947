import { useEffect, useState } from 'preact/hooks';
import { formatTime, t } from '../lib/i18n.ts';
import { retryNow } from '../lib/outbox.ts';
import { db, type OutboxItem, type SentReport } from '../lib/store.ts';
import { StateBadge } from './StateBadge.tsx';

/** How often the page looks whether the background has delivered; cheap reads of a local database. */
const POLL_MS = 1000;

/** After Send: waiting in the outbox, then the server's reference once the background has it. */
export function SentStatus({ item }: { item: OutboxItem }) {
  const [waiting, setWaiting] = useState<OutboxItem | undefined>(item);
  const [sent, setSent] = useState<SentReport | undefined>(undefined);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const database = await db();
      const queued = await database.get('outbox', item.id);
      if (queued) {
        setWaiting(queued);
      } else {
        // The sent store does not keep the outbox id; this page's report is the one sent after it.
        const found = (await database.getAllFromIndex('sent', 'byPage', item.report.environment.url))
          .filter((s) => s.sentAt >= item.createdAt && s.title === item.report.title)
          .sort((a, b) => a.sentAt.localeCompare(b.sentAt))[0];
        if (found) {
          setWaiting(undefined);
          setSent(found);
          return;
        }
      }
      if (!stopped) timer = setTimeout(tick, POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [item]);

  return (
    <section class="card" aria-labelledby="sent-heading" data-testid="send-status">
      <div aria-live="polite">
        {sent ? (
          <>
            <h2 id="sent-heading">{t('report.sent.done')}</h2>
            <p>
              {t('report.sent.reference')} <strong data-testid="sent-reference">{sent.reference}</strong>{' '}
              <StateBadge state={sent.state} testId="sent-state" />
            </p>
            {sent.incident && (
              <p data-testid="sent-incident">{t('report.sent.incident', { name: sent.incident.name })}</p>
            )}
            <p class="muted">{t('report.sent.doneHelp')}</p>
          </>
        ) : (
          <>
            <h2 id="sent-heading">{t('report.sent.waiting')}</h2>
            {waiting?.refused ? (
              <p class="notice danger" data-testid="sent-refused">
                {t('report.sent.refused', { message: waiting.refused })}
              </p>
            ) : waiting?.lastError ? (
              <p class="notice warn" data-testid="sent-retrying">
                {t('report.sent.retrying', {
                  error: waiting.lastError,
                  time: formatTime(waiting.nextAttemptAt),
                })}
              </p>
            ) : (
              <p class="muted">{t('report.sent.waitingHelp')}</p>
            )}
            {(waiting?.lastError || waiting?.refused) && (
              <button type="button" data-testid="retry" onClick={() => void retryNow(item.id)}>
                {t('reports.retry')}
              </button>
            )}
          </>
        )}
      </div>
      <p class="actions">
        <a href="/reports.html" data-testid="my-reports-link">
          {t('report.page.myReports')}
        </a>
      </p>
    </section>
  );
}
