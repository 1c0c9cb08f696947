import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n.ts';
import { confirmSolved, reopen } from '../lib/requests/actions.ts';
import { failureText } from '../lib/requests/failure.ts';
import type { SentReport } from '../lib/store.ts';

/**
 * "Resolved": the person confirms it is solved, or reopens it saying why. The window for either is
 * the server's to judge; past it, its refusal is shown.
 */
export function ResolvedActions({
  report,
  index,
  onDone,
}: {
  report: SentReport;
  index: number;
  onDone: (message: string) => void;
}) {
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const id = `resolved-${index}`;
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // "Reopen" asks for the reason next: the cursor goes there.
  useEffect(() => {
    if (reopening) reasonRef.current?.focus();
  }, [reopening]);

  const run = async (call: () => Promise<void>, done: string) => {
    setWorking(true);
    setProblem(undefined);
    try {
      await call();
      onDone(done);
    } catch (err) {
      setProblem(failureText(err));
      setWorking(false);
    }
  };

  return (
    <section class="request-action" aria-labelledby={`${id}-heading`} data-testid={`resolved-${index}`}>
      <h3 id={`${id}-heading`}>{t('requests.resolved.heading')}</h3>
      <p class="help">{t('requests.resolved.help')}</p>
      <fieldset disabled={working}>
        {reopening ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setProblem(t('requests.reopen.empty'));
              void run(() => reopen(report, reason), t('requests.reopened'));
            }}
          >
            <div class="field">
              <label for={`${id}-reason`}>{t('requests.reopen.reason')}</label>
              <textarea
                id={`${id}-reason`}
                ref={reasonRef}
                data-testid={`reopen-reason-${index}`}
                rows={3}
                maxLength={10_000}
                value={reason}
                aria-describedby={problem ? `${id}-problem` : undefined}
                aria-invalid={problem ? 'true' : undefined}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            </div>
            <div class="actions">
              <button type="submit" class="primary" data-testid={`reopen-send-${index}`}>
                {working ? t('requests.working') : t('requests.reopen.send')}
              </button>
              <button type="button" onClick={() => setReopening(false)}>
                {t('requests.reopen.cancel')}
              </button>
            </div>
          </form>
        ) : (
          <div class="actions">
            <button
              type="button"
              class="primary"
              data-testid={`confirm-${index}`}
              onClick={() => void run(() => confirmSolved(report), t('requests.confirmed'))}
            >
              {working ? t('requests.working') : t('requests.confirm')}
            </button>
            <button type="button" data-testid={`reopen-${index}`} onClick={() => setReopening(true)}>
              {t('requests.reopen')}
            </button>
          </div>
        )}
      </fieldset>
      {problem && (
        <p class="error" role="alert" id={`${id}-problem`} data-testid={`resolved-problem-${index}`}>
          {problem}
        </p>
      )}
    </section>
  );
}
