import { useEffect, useState } from 'preact/hooks';
import type { RequestView } from '../lib/api/client.ts';
import { formatTime, t } from '../lib/i18n.ts';
import { refreshStatus } from '../lib/sent.ts';
import { loadSettings } from '../lib/settings.ts';
import type { SentReport } from '../lib/store.ts';

type Entry =
  | { kind: 'change'; at: string; item: RequestView['history'][number] }
  | { kind: 'comment'; at: string; item: RequestView['comments'][number] };

/** Changes and comments in one timeline, oldest first, as they happened. */
function timeline(view: RequestView): Entry[] {
  const entries: Entry[] = [
    ...view.history.map((item) => ({ kind: 'change' as const, at: item.at, item })),
    ...view.comments.map((item) => ({ kind: 'comment' as const, at: item.at, item })),
  ];
  // Stable: at the same instant a change stays before the comment sent with it.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** A request's whole history, read from the server when opened. */
export function RequestHistory({ report, index }: { report: SentReport; index: number }) {
  const [view, setView] = useState<RequestView | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    void (async () => {
      try {
        const status = await refreshStatus((await loadSettings()).serverUrl, report);
        setView(status.request);
      } catch (err) {
        setProblem(t('requests.history.failed', { error: (err as Error).message }));
      }
    })();
  }, [report.reference]);

  return (
    <section
      class="request-history"
      id={`history-${index}`}
      aria-labelledby={`history-${index}-heading`}
      aria-busy={!view && !problem}
      data-testid={`history-${index}`}
    >
      <h3 id={`history-${index}-heading`}>
        {t('requests.history.heading', { reference: report.reference })}
      </h3>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : !view ? (
        <p class="muted">{t('requests.history.loading')}</p>
      ) : (
        <ol class="timeline">
          {timeline(view).map((entry) =>
            entry.kind === 'change' ? (
              <li key={`c-${entry.at}-${entry.item.to}`} class="change">
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                <span>
                  {t('requests.history.change', {
                    from: t(`request.state.${entry.item.from}`),
                    to: t(`request.state.${entry.item.to}`),
                  })}{' '}
                  <span class="muted">{t(`requests.history.by.${entry.item.source}`)}</span>
                  {entry.item.reason && (
                    <span class="reason">{t('requests.history.reason', { reason: entry.item.reason })}</span>
                  )}
                </span>
              </li>
            ) : (
              <li key={`m-${entry.at}-${entry.item.author}`} class={`comment ${entry.item.author}`}>
                <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                <span>
                  <strong>{t(`requests.comment.${entry.item.author}`)}</strong>
                  <span class="body">{entry.item.body}</span>
                </span>
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
