import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { fetchSummary, isWebUrl } from '../lib/api/client.ts';
import { formatTime, t } from '../lib/i18n.ts';
import { WATCH_STATE_KEY, watchState } from '../lib/incidents/run.ts';
import { incidentsOf, type WatchedIncident } from '../lib/incidents/watch.ts';
import { loadSettings } from '../lib/settings.ts';

interface Shown {
  incidents: WatchedIncident[];
  /** Ids of those the person was told of (known only while alerts are on). */
  theirs: string[];
  checkedAt?: string;
}

type View = { state: 'loading' } | { state: 'failed'; error: string } | ({ state: 'ok' } & Shown);

/**
 * The server's incidents as the watcher last saw them, those it told the person of marked; read from storage, so opening My reports costs no request while alerts are on. With
 * alerts off (nothing stored for this server), the server's summary is read once.
 */
async function load(): Promise<Shown> {
  const { serverUrl } = await loadSettings();
  const stored = watchState.safeParse((await browser.storage.local.get(WATCH_STATE_KEY))[WATCH_STATE_KEY]);
  if (stored.success && stored.data.server === serverUrl && stored.data.checkedAt) {
    const { incidents, told, checkedAt } = stored.data;
    return { incidents, theirs: Object.keys(told), checkedAt };
  }
  return { incidents: incidentsOf(await fetchSummary(serverUrl)), theirs: [] };
}

/** "Current incidents" at the top of My reports. */
export function CurrentIncidents() {
  const [view, setView] = useState<View>({ state: 'loading' });

  useEffect(() => {
    const show = () =>
      load().then(
        (shown) => setView({ state: 'ok', ...shown }),
        (err: Error) => setView({ state: 'failed', error: err.message }),
      );
    void show();
    // The background's next check shows here as soon as it is stored.
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && WATCH_STATE_KEY in changes) void show();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);

  if (view.state === 'loading') return null;
  const shown = view.state === 'ok' ? view : undefined;
  return (
    <section class="card" aria-labelledby="current-incidents-heading" data-testid="current-incidents">
      <div class="page-head" style={{ marginBottom: '8px' }}>
        <h2 id="current-incidents-heading">{t('incidents.heading')}</h2>
        {shown?.checkedAt && (
          <span class="muted small">{t('incidents.checkedAt', { time: formatTime(shown.checkedAt) })}</span>
        )}
      </div>
      {view.state === 'failed' && (
        <p class="error" data-testid="current-incidents-error">
          {t('incidents.failed', { error: view.error })}
        </p>
      )}
      {shown && shown.incidents.length === 0 && (
        <p class="muted" data-testid="current-incidents-none">
          {t('incidents.none')}
        </p>
      )}
      {shown && shown.incidents.length > 0 && (
        <ul class="entries">
          {shown.incidents.map((incident, i) => (
            <li key={incident.id} data-testid={`current-incident-${i}`}>
              <span class={`badge ${incident.impact === 'none' ? '' : 'failed'}`}>
                {t(`impact.${incident.impact}`)}
              </span>
              <div>
                <strong>
                  {isWebUrl(incident.url) ? (
                    <a href={incident.url} target="_blank" rel="noopener noreferrer">
                      {incident.name}
                    </a>
                  ) : (
                    incident.name
                  )}
                </strong>
                {shown.theirs.includes(incident.id) && (
                  <>
                    {' '}
                    <span class="badge" data-testid={`current-incident-yours-${i}`}>
                      {t('incidents.yours')}
                    </span>
                  </>
                )}
                <div class="muted small">
                  {t(`incident.status.${incident.status}`)} ·{' '}
                  {t('incident.startedAt', { time: formatTime(incident.startedAt) })}
                </div>
                {incident.components.length > 0 && (
                  <div class="small">
                    {t('incidents.affects', {
                      components: incident.components.map((c) => c.name).join(', '),
                    })}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
