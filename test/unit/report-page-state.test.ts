import { describe, expect, it } from 'vitest';
import type { Loaded } from '../../extension/entrypoints/report/load.ts';
import { initialPageState, pageReducer } from '../../extension/entrypoints/report/page-state.ts';
import type { Draft, OutboxItem } from '../../extension/lib/store.ts';
import { defaultFormConfig } from '../../shared/schemas/form-config.ts';

const draft = {
  id: 'draft-1',
  captures: [{ id: 'full' }, { id: 'viewport' }],
} as unknown as Draft;
const loaded: Loaded = {
  draft,
  config: defaultFormConfig,
  source: 'server',
  serverUrl: 'http://x',
  fresh: false,
};
const refused = { fieldErrors: { title: 'Write a title' }, general: [] };

describe('the report page’s state', () => {
  it('shows a loaded draft with its first capture open in the editor', () => {
    const state = pageReducer(initialPageState, { type: 'loaded', loaded });
    expect(state.phase).toEqual({ kind: 'ready' });
    expect(state.draft).toBe(draft);
    expect(state.selected).toBe('full');
  });

  it('counts each press of Send and forgets the last refusal until this one is checked', () => {
    let state = pageReducer(initialPageState, { type: 'loaded', loaded });
    state = pageReducer(state, { type: 'sendPressed' });
    state = pageReducer(state, { type: 'sendFailed', checked: refused });
    expect(state).toMatchObject({ attempts: 1, sending: false, sendFailure: refused });
    state = pageReducer(state, { type: 'sendPressed' });
    expect(state).toMatchObject({ attempts: 2, sendFailure: undefined });
  });

  it('leaves the form once the report is in the outbox', () => {
    const item = { id: 'outbox-1' } as OutboxItem;
    let state = pageReducer(initialPageState, { type: 'loaded', loaded });
    state = pageReducer(pageReducer(state, { type: 'sendPressed' }), { type: 'sending' });
    expect(state.sending).toBe(true);
    state = pageReducer(state, { type: 'sent', item });
    expect(state).toMatchObject({ sending: false, phase: { kind: 'sent', item } });
  });
});
