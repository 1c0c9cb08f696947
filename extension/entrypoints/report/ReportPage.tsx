import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { AnnotationEditor } from '../../components/AnnotationEditor.tsx';
import { CaptureSeries } from '../../components/CaptureSeries.tsx';
import { DuplicateGuard } from '../../components/DuplicateGuard.tsx';
import { IncidentBanner } from '../../components/IncidentBanner.tsx';
import { PageFacts } from '../../components/PageFacts.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageUrlField } from '../../components/PageUrlField.tsx';
import { ReportForm } from '../../components/ReportForm.tsx';
import { SendErrors } from '../../components/SendErrors.tsx';
import { SentStatus } from '../../components/SentStatus.tsx';
import { activeIncidents } from '../../lib/api/client.ts';
import { formatTime, t } from '../../lib/i18n.ts';
import { requestTypeOf } from '../../lib/report/fields.ts';
import { sendDraft } from '../../lib/report/send.ts';
import { type Checked, checkDraft } from '../../lib/report/validation.ts';
import { recentReportsFor, refreshStatus } from '../../lib/sent.ts';
import type { Draft } from '../../lib/store.ts';
import { DraftSync } from './draft-sync.ts';
import { loadReport } from './load.ts';
import { initialPageState, pageReducer } from './page-state.ts';
import { useAttachments } from './use-attachments.ts';

export function ReportPage() {
  const [state, dispatch] = useReducer(pageReducer, initialPageState);
  const { phase, loaded, draft, incidents, duplicates, duplicatesSeen, selected, attempts } = state;
  const { sending, sendFailure, savedAt } = state;
  // The newest draft, for changes made before the page renders again.
  const draftRef = useRef<Draft | undefined>(undefined);

  const sync = useMemo(
    () =>
      new DraftSync((err) =>
        dispatch({ type: 'saved', at: Date.now(), ...(err ? { error: err.message } : {}) }),
      ),
    [],
  );

  const update = (change: (d: Draft) => Draft) => {
    const current = draftRef.current;
    if (!current) return;
    const next = change(current);
    draftRef.current = next;
    dispatch({ type: 'edited', draft: next });
    sync.schedule(next);
  };
  const attachments = useAttachments(draft, update, selected, (id) => dispatch({ type: 'select', id }));

  useEffect(() => {
    const flush = () => void sync.flush();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', flush);
    };
  }, [sync]);

  useEffect(() => {
    void (async () => {
      const result = await loadReport(new URLSearchParams(location.search));
      if ('missing' in result) return dispatch({ type: 'missing', reason: result.reason });
      const { draft, serverUrl } = result;
      draftRef.current = draft;
      dispatch({ type: 'loaded', loaded: result });
      if (result.fresh) sync.schedule(draft);

      if (!draft.environment.url) return;
      void activeIncidents(serverUrl, draft.environment.url).then((incidents) =>
        dispatch({ type: 'incidents', incidents }),
      );
      const recent = await recentReportsFor(draft.environment.url);
      dispatch({ type: 'duplicates', reports: recent });
      // The state shown should be today's, not the one from when it was sent.
      const fresh = await Promise.all(
        recent.map((r) =>
          refreshStatus(serverUrl, r).then(
            (s) => s.report,
            () => r,
          ),
        ),
      );
      dispatch({ type: 'duplicates', reports: fresh });
    })();
  }, [sync]);

  const config = loaded?.config;
  const liveErrors = useMemo(() => {
    if (attempts === 0 || !draft || !config) return undefined;
    return checkDraft(draft, config);
  }, [attempts, draft, config]);

  if (phase.kind === 'loading') return <main aria-busy="true">{t('report.page.loading')}</main>;
  if (phase.kind === 'missing') {
    return (
      <main>
        <h1>{t('report.page.heading')}</h1>
        <p class="notice" data-testid="draft-missing">
          {t(
            phase.reason === 'sent'
              ? 'report.page.alreadySent'
              : phase.reason === 'gone'
                ? 'report.page.draftMissing'
                : 'report.page.noDraft',
          )}
        </p>
        <a href="/reports.html">{t('report.page.myReports')}</a>
      </main>
    );
  }
  if (!draft || !loaded || !config) return null;

  const host = safeHost(draft.environment.url);
  const header = (
    <PageHeader
      title={t('report.page.heading')}
      subtitle={host ? t('report.page.subtitle', { host }) : t('report.page.subtitleNoPage')}
      links={['reports', 'settings']}
    />
  );
  if (phase.kind === 'sent') {
    return (
      <main>
        {header}
        <SentStatus item={phase.item} />
      </main>
    );
  }

  const requestType = requestTypeOf(draft, config);
  // Once Send was pressed, field errors follow the typing; problems only Send can find stay until the next try.
  const shownErrors: Checked | undefined = liveErrors
    ? {
        fieldErrors: liveErrors.fieldErrors,
        general: [...new Set([...liveErrors.general, ...(sendFailure?.general ?? [])])],
      }
    : sendFailure;
  const errors = shownErrors?.fieldErrors ?? {};
  const selectedIndex = draft.captures.findIndex((c) => c.id === selected);
  const selectedCapture = draft.captures[selectedIndex];

  const send = async () => {
    const current = draftRef.current;
    if (!current) return;
    dispatch({ type: 'sendPressed' });
    const quick = checkDraft(current, config);
    if (!quick.report) return dispatch({ type: 'sendFailed', checked: quick });
    dispatch({ type: 'sending' });
    try {
      const result = await sync.hold(() => sendDraft(current, config));
      if (result.item) {
        sync.close();
        dispatch({ type: 'sent', item: result.item });
      } else {
        dispatch({ type: 'sendFailed', checked: result.checked });
      }
    } catch (err) {
      dispatch({
        type: 'sendFailed',
        checked: { fieldErrors: {}, general: [t('report.send.failed', { error: (err as Error).message })] },
      });
    }
  };

  return (
    <main>
      {header}
      {loaded.captureError && (
        <p class="notice warn" data-testid="capture-error">
          {t('report.page.captureError', { error: loaded.captureError })}
        </p>
      )}
      {loaded.source !== 'server' && (
        <p class="muted small note" data-testid="config-fallback">
          {t('report.page.offlineForm')}
        </p>
      )}
      <IncidentBanner
        incidents={incidents}
        linked={draft.incidentId}
        onLink={(id) => update((d) => ({ ...d, incidentId: id }))}
      />
      {!duplicatesSeen && (
        <DuplicateGuard reports={duplicates} onContinue={() => dispatch({ type: 'duplicatesSeen' })} />
      )}

      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <fieldset disabled={sending}>
          {draft.tabId === undefined && draft.captures.length === 0 && (
            <PageUrlField
              value={draft.environment.url}
              error={errors.pageUrl}
              onInput={(url) => update((d) => ({ ...d, environment: { ...d.environment, url } }))}
            />
          )}
          <ReportForm
            config={config}
            requestType={requestType}
            form={draft.form ?? {}}
            errors={errors}
            onType={(id) => update((d) => ({ ...d, requestType: id }))}
            onValue={(id, value) => update((d) => ({ ...d, form: { ...d.form, [id]: value } }))}
            notifyByEmail={draft.notifyByEmail ?? false}
            onNotifyByEmail={(notifyByEmail) => update((d) => ({ ...d, notifyByEmail }))}
          />
          <CaptureSeries
            captures={draft.captures}
            files={draft.files ?? []}
            selected={selected}
            urls={attachments.urls}
            canAddStep={draft.tabId !== undefined}
            addingStep={attachments.addingStep}
            message={attachments.message}
            onSelect={(id) => dispatch({ type: 'select', id })}
            onMove={attachments.move}
            onRemove={attachments.remove}
            onAddStep={() => void attachments.addStep(sync)}
            onAttach={attachments.attach}
            onRemoveFile={attachments.removeFile}
          >
            {selectedCapture && (
              <AnnotationEditor
                key={selectedCapture.id}
                capture={selectedCapture}
                index={selectedIndex}
                onChange={(annotations) =>
                  update((d) => ({
                    ...d,
                    captures: d.captures.map((c) =>
                      c.id === selectedCapture.id ? { ...c, annotations } : c,
                    ),
                  }))
                }
              />
            )}
          </CaptureSeries>
          <PageFacts
            environment={draft.environment}
            console={draft.console}
            onRemoveFact={(fact) => update((d) => ({ ...d, environment: { ...d.environment, [fact]: '' } }))}
            onRemoveEntry={(i) => update((d) => ({ ...d, console: d.console.filter((_, j) => j !== i) }))}
          />
          <section class="card">
            {shownErrors && <SendErrors checked={shownErrors} config={config} attempt={attempts} />}
            <div class="send-bar">
              <button type="submit" class="primary big" data-testid="send">
                {sending ? t('report.send.sending') : t('report.send.button')}
              </button>
              <span class="muted small" aria-live="polite" data-testid="draft-saved">
                {savedAt &&
                  (savedAt.error
                    ? t('report.page.saveFailed', { error: savedAt.error })
                    : t('report.page.saved', { time: formatTime(savedAt.at) }))}
              </span>
            </div>
            <p class="help" style={{ marginTop: '10px' }}>
              {t('report.send.help')}
            </p>
          </section>
        </fieldset>
      </form>
    </main>
  );
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}
