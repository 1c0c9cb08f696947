import type { IncidentLink } from '../../../shared/schemas/report.ts';
import type { Checked } from '../../lib/report/validation.ts';
import type { Draft, OutboxItem, SentReport } from '../../lib/store.ts';
import type { Loaded, Missing } from './load.ts';

type Phase =
  | { kind: 'loading' }
  | { kind: 'missing'; reason: Missing['reason'] }
  | { kind: 'ready' }
  | { kind: 'sent'; item: OutboxItem };

/** Everything the report page shows: the draft, what the server said about its page, and Send's state. */
export interface PageState {
  phase: Phase;
  loaded?: Loaded;
  draft?: Draft;
  incidents: IncidentLink[];
  duplicates: SentReport[];
  duplicatesSeen: boolean;
  /** The capture open in the editor. */
  selected?: string;
  /** How often Send was pressed; from the first press on, field errors follow the typing. */
  attempts: number;
  sending: boolean;
  sendFailure?: Checked;
  savedAt?: { at: number; error?: string };
}

export type PageAction =
  | { type: 'missing'; reason: Missing['reason'] }
  | { type: 'loaded'; loaded: Loaded }
  | { type: 'edited'; draft: Draft }
  | { type: 'select'; id: string | undefined }
  | { type: 'incidents'; incidents: IncidentLink[] }
  | { type: 'duplicates'; reports: SentReport[] }
  | { type: 'duplicatesSeen' }
  | { type: 'saved'; at: number; error?: string }
  | { type: 'sendPressed' }
  | { type: 'sending' }
  | { type: 'sendFailed'; checked: Checked }
  | { type: 'sent'; item: OutboxItem };

export const initialPageState: PageState = {
  phase: { kind: 'loading' },
  incidents: [],
  duplicates: [],
  duplicatesSeen: false,
  attempts: 0,
  sending: false,
};

export function pageReducer(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case 'missing':
      return { ...state, phase: { kind: 'missing', reason: action.reason } };
    case 'loaded':
      return {
        ...state,
        phase: { kind: 'ready' },
        loaded: action.loaded,
        draft: action.loaded.draft,
        selected: action.loaded.draft.captures[0]?.id,
      };
    case 'edited':
      return { ...state, draft: action.draft };
    case 'select':
      return { ...state, selected: action.id };
    case 'incidents':
      return { ...state, incidents: action.incidents };
    case 'duplicates':
      return { ...state, duplicates: action.reports };
    case 'duplicatesSeen':
      return { ...state, duplicatesSeen: true };
    case 'saved':
      return { ...state, savedAt: { at: action.at, ...(action.error ? { error: action.error } : {}) } };
    case 'sendPressed':
      return { ...state, attempts: state.attempts + 1, sendFailure: undefined };
    case 'sending':
      return { ...state, sending: true };
    case 'sendFailed':
      return { ...state, sending: false, sendFailure: action.checked };
    case 'sent':
      return { ...state, sending: false, phase: { kind: 'sent', item: action.item } };
  }
}
