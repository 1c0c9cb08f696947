import { useEffect, useRef, useState } from 'preact/hooks';
import { isWebUrl } from '../lib/api/client.ts';
import { formatTime, t } from '../lib/i18n.ts';
import { setMuted } from '../lib/requests/actions.ts';
import { isWatched } from '../lib/requests/rules.ts';
import { pageOf } from '../lib/sent.ts';
import type { SentReport } from '../lib/store.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { MuteBell } from './MuteBell.tsx';
import { RequestBadge } from './RequestBadge.tsx';
import { RequestHistory } from './RequestHistory.tsx';
import { ResolvedActions } from './ResolvedActions.tsx';
import { StateBadge } from './StateBadge.tsx';

interface Props {
  report: SentReport;
  index: number;
  externalReference?: string;
  /** Opened from a notification: the row is brought into view. */
  targeted: boolean;
  /** Says what an action did (in the page's live region) and reads the stores again. */
  onChanged: (message?: string) => void;
}

/**
 * One sent report as a request: its row (reference, title, sent, state with the bell), and below it
 * what support wrote last, what the person can do now, and its history when opened.
 */
export function SentRequest({ report: r, index: i, externalReference, targeted, onChanged }: Props) {
  const [historyOpen, setHistoryOpen] = useState(targeted);
  const request = r.request;
  // Until the help desk has it, where the report is on its way says more than "Received".
  const showRequest = request && request.state !== 'received';
  const waiting = request?.state === 'waiting_for_customer';
  const resolved = request?.state === 'resolved';
  const comment = request?.latestComment;
  const panel = comment || waiting || resolved || historyOpen;
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!targeted) return;
    setHistoryOpen(true);
    body.current?.scrollIntoView({ block: 'start' });
    body.current?.focus();
  }, [targeted]);
  return (
    <tbody id={r.reference} tabIndex={-1} class={targeted ? 'targeted' : undefined} ref={body}>
      <tr data-testid={`sent-row-${i}`}>
        <td>
          <strong data-testid={`sent-ref-${i}`}>{r.reference}</strong>
          {externalReference && (
            <div class="muted small">{t('reports.external', { ref: externalReference })}</div>
          )}
        </td>
        <td class="page">
          {r.title}
          <div class="muted small">{pageOf(r.pageUrl)}</div>
          {r.incident && (
            <div class="small" data-testid={`sent-incident-${i}`}>
              {t('reports.incident')}{' '}
              {isWebUrl(r.incident.url) ? (
                <a href={r.incident.url} target="_blank" rel="noopener noreferrer">
                  {r.incident.name}
                </a>
              ) : (
                r.incident.name
              )}
            </div>
          )}
        </td>
        <td>{formatTime(r.sentAt)}</td>
        <td>
          <div class="state-line">
            {showRequest ? (
              <RequestBadge state={request.state} testId={`request-state-${i}`} />
            ) : (
              <StateBadge state={r.state} testId={`sent-state-${i}`} />
            )}
            {isWatched(r) && (
              <MuteBell
                reference={r.reference}
                muted={r.muted}
                testId={`request-bell-${i}`}
                onToggle={(muted) => void setMuted(r.reference, muted).then(() => onChanged())}
              />
            )}
          </div>
          {r.muted && isWatched(r) && <div class="muted small">{t('requests.bellMuted')}</div>}
          {r.checkedAt && (
            <div class="muted small">{t('reports.checkedAt', { time: formatTime(r.checkedAt) })}</div>
          )}
          {request && (
            <button
              type="button"
              class="link small"
              aria-expanded={historyOpen}
              aria-controls={`history-${i}`}
              data-testid={`history-toggle-${i}`}
              onClick={() => setHistoryOpen(!historyOpen)}
            >
              {t('requests.history.show', { count: request.events })}
            </button>
          )}
        </td>
      </tr>
      {panel && (
        <tr class="request-panel">
          <td colSpan={4}>
            {comment && (
              <div class="latest-comment" data-testid={`latest-comment-${i}`}>
                <div class="muted small">{t('requests.latestComment', { time: formatTime(comment.at) })}</div>
                <blockquote>{comment.body}</blockquote>
              </div>
            )}
            {waiting && <AnswerForm report={r} index={i} onDone={onChanged} />}
            {resolved && <ResolvedActions report={r} index={i} onDone={onChanged} />}
            {historyOpen && <RequestHistory key={request?.events} report={r} index={i} />}
          </td>
        </tr>
      )}
    </tbody>
  );
}
