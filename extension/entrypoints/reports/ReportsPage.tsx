import { useEffect, useState } from 'preact/hooks';
import { byText, newestReportFirst } from '../../../shared/order.ts';
import { CurrentIncidents } from '../../components/CurrentIncidents.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SentRequest } from '../../components/SentRequest.tsx';
import { formatTime, t } from '../../lib/i18n.ts';
import { retryNow } from '../../lib/outbox.ts';
import { redrawWaiting } from '../../lib/requests/actions.ts';
import { pageOf, refreshStatus } from '../../lib/sent.ts';
import { loadSettings } from '../../lib/settings.ts';
import { db, type OutboxItem, type SentReport } from '../../lib/store.ts';

/** The background delivers while this page is open; a local read this often shows it happen. */
const POLL_MS = 2000;

async function readStores(): Promise<{ sent: SentReport[]; outbox: OutboxItem[] }> {
  const database = await db();
  const [sent, outbox] = await Promise.all([database.getAll('sent'), database.getAll('outbox')]);
  return {
    sent: sent.sort(newestReportFirst((r) => r.sentAt)),
    outbox: outbox.sort((a, b) => byText(b.createdAt, a.createdAt) || byText(a.id, b.id)),
  };
}

/** "My reports": what this browser sent, with the server's reference and state, and what still waits. */
export function ReportsPage() {
  const [stores, setStores] = useState<{ sent: SentReport[]; outbox: OutboxItem[] } | undefined>(undefined);
  const [external, setExternal] = useState<Record<string, string>>({});
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // A notification opens this page at its request: reports.html#SD-1042.
  const [target, setTarget] = useState(() => decodeURIComponent(location.hash.slice(1)));
  useEffect(() => {
    const follow = () => setTarget(decodeURIComponent(location.hash.slice(1)));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const refresh = async (sent: SentReport[]) => {
    setRefreshing(true);
    setRefreshError(undefined);
    const { serverUrl } = await loadSettings();
    const results = await Promise.allSettled(sent.map((r) => refreshStatus(serverUrl, r)));
    const refs: Record<string, string> = {};
    const failures = results.flatMap((r) => {
      if (r.status === 'rejected') return [(r.reason as Error).message];
      if (r.value.externalReference) refs[r.value.report.reference] = r.value.externalReference;
      return [];
    });
    setExternal((e) => ({ ...e, ...refs }));
    if (failures.length)
      setRefreshError(t('reports.refreshFailed', { count: failures.length, error: failures[0] ?? '' }));
    setStores(await readStores());
    await redrawWaiting();
    setRefreshing(false);
  };

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    void readStores().then((s) => {
      setStores(s);
      void refresh(s.sent);
      timer = setInterval(() => void readStores().then(setStores), POLL_MS);
    });
    return () => clearInterval(timer);
  }, []);

  if (!stores) return <main aria-busy="true">{t('report.page.loading')}</main>;
  const { sent, outbox } = stores;
  return (
    <main>
      <PageHeader title={t('reports.heading')} subtitle={t('reports.intro')} links={['settings']} />
      <CurrentIncidents />

      {outbox.length > 0 && (
        <section class="card" aria-labelledby="outbox-heading" data-testid="outbox">
          <h2 id="outbox-heading">{t('reports.outboxHeading', { count: outbox.length })}</h2>
          <p class="help">{t('reports.outboxHelp')}</p>
          <ul class="entries">
            {outbox.map((item, i) => (
              <li key={item.id} data-testid={`outbox-item-${i}`}>
                <span class={`badge ${item.refused ? 'failed' : ''}`}>
                  {item.refused ? t('reports.refused') : t('reports.waiting')}
                </span>
                <div>
                  <strong>{item.report.title}</strong>
                  <div class="muted">{pageOf(item.report.environment.url)}</div>
                  <div class="muted">{t('reports.createdAt', { time: formatTime(item.createdAt) })}</div>
                  {item.refused ? (
                    <p class="error" data-testid={`outbox-refused-${i}`}>
                      {t('reports.refusedMessage', { message: item.refused })}
                    </p>
                  ) : item.lastError ? (
                    <p class="error" data-testid={`outbox-error-${i}`}>
                      {t('reports.lastError', {
                        error: item.lastError,
                        attempts: item.attempts,
                        time: formatTime(item.nextAttemptAt),
                      })}
                    </p>
                  ) : (
                    <p class="muted">{t('reports.notTried')}</p>
                  )}
                </div>
                <button
                  type="button"
                  data-testid={`outbox-retry-${i}`}
                  onClick={() => void retryNow(item.id).then(() => readStores().then(setStores))}
                >
                  {t('reports.retry')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="card" aria-labelledby="sent-heading">
        <div class="page-head" style={{ marginBottom: '8px' }}>
          <h2 id="sent-heading">{t('reports.sentHeading')}</h2>
          <button
            type="button"
            data-testid="refresh-statuses"
            disabled={refreshing}
            onClick={() => void refresh(sent)}
          >
            {refreshing ? t('reports.refreshing') : t('reports.refresh')}
          </button>
        </div>
        <div aria-live="polite">
          {notice && (
            <p class="notice" data-testid="request-notice">
              {notice}
            </p>
          )}
          {refreshError && (
            <p class="error" data-testid="status-error">
              {refreshError}
            </p>
          )}
        </div>
        {sent.length === 0 ? (
          <p class="muted" data-testid="sent-empty">
            {t('reports.empty')}
          </p>
        ) : (
          <table class="reports" data-testid="sent-reports">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.reference')}</th>
                <th scope="col">{t('reports.col.title')}</th>
                <th scope="col">{t('reports.col.sent')}</th>
                <th scope="col">{t('reports.col.state')}</th>
              </tr>
            </thead>
            {sent.map((r, i) => (
              <SentRequest
                key={r.reference}
                report={r}
                index={i}
                externalReference={external[r.reference]}
                targeted={target === r.reference}
                onChanged={(message) => {
                  if (message) setNotice(message);
                  void readStores().then(setStores);
                }}
              />
            ))}
          </table>
        )}
      </section>
    </main>
  );
}
