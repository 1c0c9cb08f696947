import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t, uiLocale } from '../lib/i18n.ts';
import { canMove } from '../lib/report/series.ts';
import type { AttachedFile, Capture } from '../lib/store.ts';

interface Props {
  captures: Capture[];
  files: AttachedFile[];
  selected?: string;
  /** Object URLs of the captures' originals, by capture id. */
  urls: Record<string, string>;
  canAddStep: boolean;
  addingStep: boolean;
  message?: string;
  onSelect: (id: string) => void;
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  onAddStep: () => void;
  onAttach: (files: File[]) => void;
  onRemoveFile: (index: number) => void;
  /** The editor of the selected capture, shown under the series. */
  children?: ComponentChildren;
}

export const ACCEPTED_FILES = 'image/png,image/jpeg,image/webp,image/gif,application/pdf';

/** "Whole page", or "Whole page 2/3" for a part of one cut for its height. */
function methodLabel(c: Capture): string {
  const what = t(`report.series.method.${c.method}`);
  return c.part ? t('report.series.part', { what, index: c.part.index, count: c.part.count }) : what;
}

/** A file's size in the person's way of writing numbers and units: "12 KB", "1,5 MB", "1,5 МБ". */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) {
    const kb = new Intl.NumberFormat(uiLocale()).format(Math.max(1, Math.round(bytes / 1024)));
    return t('report.series.sizeKb', { size: kb });
  }
  const mb = new Intl.NumberFormat(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('report.series.sizeMb', { size: mb.format(bytes / 1024 / 1024) });
}

/**
 * The captures as a series, step by step (004), in the order support will read them; each can be
 * moved, removed or annotated. Other files (images, PDF) are attached below.
 */
export function CaptureSeries(props: Props) {
  const { captures, files, selected, urls } = props;
  const list = useRef<HTMLOListElement>(null);
  // After a move the same button keeps the focus at the capture's new place, for keyboard users.
  const focusAfterMove = useRef<{ dir: 'up' | 'down'; index: number } | undefined>(undefined);
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = undefined;
    const at = (dir: string) =>
      list.current?.querySelector<HTMLButtonElement>(`[data-testid="capture-${dir}-${target.index}"]`);
    const button = at(target.dir);
    // At either end of the series the button is disabled; its neighbour takes the focus.
    (button && !button.disabled ? button : at(target.dir === 'up' ? 'down' : 'up'))?.focus();
  });
  const move = (i: number, by: -1 | 1) => {
    focusAfterMove.current = { dir: by < 0 ? 'up' : 'down', index: i + by };
    props.onMove(i, by);
  };

  return (
    <section class="card" aria-labelledby="series-heading">
      <h2 id="series-heading">{t('report.series.heading')}</h2>
      <p class="help">{t('report.series.help')}</p>
      {captures.length === 0 ? (
        <p class="muted" data-testid="series-empty">
          {t('report.series.empty')}
        </p>
      ) : (
        <ol class="series" ref={list}>
          {captures.map((c, i) => {
            const n = i + 1;
            return (
              <li key={c.id} class={selected === c.id ? 'selected' : undefined}>
                <figure>
                  <button
                    type="button"
                    class="thumb"
                    data-testid={`capture-thumb-${i}`}
                    aria-pressed={selected === c.id}
                    aria-label={t('report.series.open', { n, what: methodLabel(c) })}
                    onClick={() => props.onSelect(c.id)}
                  >
                    {urls[c.id] && <img src={urls[c.id]} alt="" />}
                  </button>
                  <figcaption>
                    <strong>
                      {n}. {methodLabel(c)}
                    </strong>
                    <div class="muted">
                      {c.width} × {c.height}
                      {c.annotations.length > 0 &&
                        ` · ${t('report.series.marks', { count: c.annotations.length })}`}
                      {c.truncated && ` · ${t('report.series.truncated')}`}
                    </div>
                    <div class="controls">
                      <button
                        type="button"
                        class="icon"
                        data-testid={`capture-up-${i}`}
                        aria-label={t('report.series.moveUp', { n })}
                        title={t('report.series.moveUp', { n })}
                        disabled={!canMove(captures, i, -1)}
                        onClick={() => move(i, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        class="icon"
                        data-testid={`capture-down-${i}`}
                        aria-label={t('report.series.moveDown', { n })}
                        title={t('report.series.moveDown', { n })}
                        disabled={!canMove(captures, i, 1)}
                        onClick={() => move(i, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        class="remove"
                        data-testid={`capture-remove-${i}`}
                        aria-label={t('report.series.removeCapture', { n })}
                        onClick={() => props.onRemove(i)}
                      >
                        {t('report.page.remove')}
                      </button>
                    </div>
                  </figcaption>
                </figure>
              </li>
            );
          })}
        </ol>
      )}
      <div class="actions">
        <button
          type="button"
          data-testid="add-step"
          disabled={!props.canAddStep || props.addingStep}
          onClick={props.onAddStep}
        >
          {props.addingStep ? t('report.series.addingStep') : t('report.series.addStep')}
        </button>
        <input
          id="attach"
          class="file-input"
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          data-testid="attach-files"
          onChange={(e) => {
            props.onAttach([...(e.currentTarget.files ?? [])]);
            e.currentTarget.value = '';
          }}
        />
        <label for="attach" class="btn">
          {t('report.series.attach')}
        </label>
        <span class="muted small">
          {props.canAddStep ? t('report.series.addStepHelp') : t('report.series.noTab')}
        </span>
      </div>
      <div aria-live="polite">
        {props.message && (
          <p class="error" data-testid="series-message">
            {props.message}
          </p>
        )}
      </div>
      {files.length > 0 && (
        <ul class="files" aria-label={t('report.series.filesHeading')}>
          {files.map((f, i) => (
            <li key={f.id}>
              <span data-testid={`file-name-${i}`}>{f.name}</span>
              <span class="muted small">{size(f.blob.size)}</span>
              <button
                type="button"
                data-testid={`file-remove-${i}`}
                aria-label={t('report.series.removeFile', { name: f.name })}
                onClick={() => props.onRemoveFile(i)}
              >
                {t('report.page.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </section>
  );
}
