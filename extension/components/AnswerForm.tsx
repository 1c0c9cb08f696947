import { useEffect, useMemo, useState } from 'preact/hooks';
import { MAX_ANSWER_FILES } from '../../shared/schemas/report.ts';
import { t } from '../lib/i18n.ts';
import { sendAnswer } from '../lib/requests/actions.ts';
import { ANSWER_IMAGE_TYPES, addAnswerFiles, type PickedFile } from '../lib/requests/answer-files.ts';
import { failureText } from '../lib/requests/failure.ts';
import type { SentReport } from '../lib/store.ts';

/** "Waiting for you": the person answers support with text and images (chosen or pasted). */
export function AnswerForm({
  report,
  index,
  onDone,
}: {
  report: SentReport;
  index: number;
  onDone: (message: string) => void;
}) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [sending, setSending] = useState(false);
  const id = `answer-${index}`;
  const urls = useMemo(() => files.map((f) => URL.createObjectURL(f.blob)), [files]);
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );

  const add = (incoming: { name: string; blob: Blob }[]) => {
    const result = addAnswerFiles(files, incoming, () => crypto.randomUUID());
    setFiles(result.files);
    const problems = [
      ...result.wrongType.map((name) => t('requests.answer.wrongType', { name })),
      ...(result.tooMany ? [t('requests.answer.tooMany', { max: MAX_ANSWER_FILES })] : []),
    ];
    setProblem(problems.length ? problems.join(' ') : undefined);
  };

  const submit = async () => {
    if (!text.trim()) return setProblem(t('requests.answer.empty'));
    setSending(true);
    setProblem(undefined);
    try {
      await sendAnswer(report, text, files);
      onDone(t('requests.answer.sent'));
    } catch (err) {
      setProblem(failureText(err));
      setSending(false);
    }
  };

  return (
    <form
      class="request-action"
      aria-labelledby={`${id}-heading`}
      data-testid={`answer-form-${index}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-heading`}>{t('requests.answer.heading')}</h3>
      <fieldset disabled={sending}>
        <div class="field">
          <label for={`${id}-text`}>{t('requests.answer.label')}</label>
          <textarea
            id={`${id}-text`}
            data-testid={`answer-text-${index}`}
            rows={4}
            maxLength={10_000}
            value={text}
            aria-describedby={`${id}-help${problem ? ` ${id}-problem` : ''}`}
            aria-invalid={problem ? 'true' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
            onPaste={(e) => {
              const pasted = [...(e.clipboardData?.files ?? [])];
              if (pasted.length === 0) return;
              e.preventDefault();
              add(pasted.map((f) => ({ name: f.name, blob: f })));
            }}
          />
        </div>
        <div class="field">
          <input
            type="file"
            id={`${id}-files`}
            class="file-input"
            accept={ANSWER_IMAGE_TYPES.join(',')}
            multiple
            data-testid={`answer-files-${index}`}
            onChange={(e) => {
              const chosen = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              add(chosen.map((f) => ({ name: f.name, blob: f })));
            }}
          />
          <label for={`${id}-files`} class="btn">
            {t('requests.answer.images')}
          </label>
          <p class="help" id={`${id}-help`}>
            {t('requests.answer.imagesHelp', { max: MAX_ANSWER_FILES })}
          </p>
          {files.length > 0 && (
            <ul class="answer-images" data-testid={`answer-images-${index}`}>
              {files.map((f, i) => (
                <li key={f.id}>
                  <img src={urls[i]} alt="" />
                  <span>{f.name}</span>
                  <button
                    type="button"
                    aria-label={t('requests.answer.remove', { name: f.name })}
                    onClick={() => setFiles(files.filter((x) => x.id !== f.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {problem && (
          <p class="error" role="alert" id={`${id}-problem`} data-testid={`answer-problem-${index}`}>
            {problem}
          </p>
        )}
        <button type="submit" class="primary" data-testid={`answer-send-${index}`}>
          {sending ? t('requests.working') : t('requests.answer.send')}
        </button>
      </fieldset>
    </form>
  );
}
