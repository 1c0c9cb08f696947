import type { FormConfig } from '../../../shared/schemas/form-config.ts';
import { validAnnotations } from '../../lib/editor.ts';
import { type ConfigSource, loadFormConfig } from '../../lib/form-config.ts';
import { prefilledForm } from '../../lib/report/fields.ts';
import { loadSettings } from '../../lib/settings.ts';
import type { Draft } from '../../lib/store.ts';
import { db, getDraft, saveDraft } from '../../lib/store.ts';
import { draftWithoutCapture } from './new-draft.ts';

export interface Loaded {
  draft: Draft;
  config: FormConfig;
  source: ConfigSource;
  serverUrl: string;
  /** Why the page could not be captured, when it could not. */
  captureError?: string;
  /** The draft has never been shown, so its prefilled answers are not stored yet. */
  fresh: boolean;
}

/** No draft to show: it was sent (or deleted), or the page was opened without one. */
export type Missing = { missing: true; reason: 'sent' | 'gone' | 'none' };

/**
 * The draft named in the address, or a new one when the page could not be captured. Opened with
 * neither, the page makes no draft: only a report of a page (or of a failed capture) needs one.
 */
async function openDraft(params: URLSearchParams): Promise<Draft | Missing> {
  const id = params.get('draft');
  if (id) {
    const found = await getDraft(id);
    if (found) return found;
    const queued = (await (await db()).getAll('outbox')).some((i) => i.draftId === id);
    return { missing: true, reason: queued ? 'sent' : 'gone' };
  }
  if (!params.has('error')) return { missing: true, reason: 'none' };
  const draft = draftWithoutCapture();
  await saveDraft(draft);
  params.set('draft', draft.id);
  // A reload or a restored tab finds the same draft.
  history.replaceState(null, '', `?${params}`);
  return draft;
}

/**
 * Everything the form needs before it shows: the draft (its stored marks checked, a new one's
 * answers prefilled from the settings) and the form configuration.
 */
export async function loadReport(params: URLSearchParams): Promise<Loaded | Missing> {
  const settings = await loadSettings();
  const [{ config, source }, opened] = await Promise.all([
    loadFormConfig(settings.serverUrl),
    openDraft(params),
  ]);
  if ('missing' in opened) return opened;
  const knownType = config.requestTypes.some((r) => r.id === opened.requestType);
  const draft: Draft = {
    ...opened,
    requestType: knownType ? opened.requestType : config.requestTypes[0]?.id,
    form: opened.form ?? prefilledForm(config, settings),
    captures: opened.captures.map((c) => ({ ...c, annotations: validAnnotations(c.annotations) })),
  };
  const captureError = params.get('error') ?? undefined;
  return {
    draft,
    config,
    source,
    serverUrl: settings.serverUrl,
    fresh: opened.form === undefined,
    ...(captureError ? { captureError } : {}),
  };
}
