import { describe, expect, it } from 'vitest';
import type { RequestState } from '../../shared/schemas/report.ts';
import {
  decide,
  effectiveState,
  type RequestAction,
  requestStates,
  supportStates,
} from '../../status-server/domain/request-lifecycle.ts';

const day = 86_400_000;
const window = 5 * day;
const changedAt = '2026-05-01T10:00:00.000Z';
const within = new Date(Date.parse(changedAt) + window - 1);
const after = new Date(Date.parse(changedAt) + window);

const actions: [string, RequestAction][] = [
  ...supportStates.map((to): [string, RequestAction] => [`set ${to}`, { kind: 'set', to }]),
  ['comment', { kind: 'comment' }],
  ['answer', { kind: 'answer' }],
  ['confirm', { kind: 'confirm' }],
  ['reopen', { kind: 'reopen' }],
  ['expire', { kind: 'expire' }],
  ['forwarded', { kind: 'forwarded' }],
];

/**
 * Every state × action within the window: the state it leads to, or `-` for refused. Rows are the
 * states in `requestStates` order; columns the actions above.
 */
const expected: Record<RequestState, string[]> = {
  //                     open   in_progress   waiting   resolved   closed  comment answer confirm reopen expire forwarded
  received: [
    'open',
    'in_progress',
    'waiting_for_customer',
    'resolved',
    'closed',
    'received',
    '-',
    '-',
    '-',
    '-',
    'open',
  ],
  open: ['-', 'in_progress', 'waiting_for_customer', 'resolved', 'closed', 'open', '-', '-', '-', '-', '-'],
  in_progress: [
    'open',
    '-',
    'waiting_for_customer',
    'resolved',
    'closed',
    'in_progress',
    '-',
    '-',
    '-',
    '-',
    '-',
  ],
  waiting_for_customer: [
    'open',
    'in_progress',
    '-',
    'resolved',
    'closed',
    'waiting_for_customer',
    'in_progress',
    '-',
    '-',
    '-',
    '-',
  ],
  resolved: [
    'open',
    'in_progress',
    'waiting_for_customer',
    '-',
    'closed',
    'resolved',
    '-',
    'closed',
    'reopened',
    '-',
    '-',
  ],
  closed: ['open', 'in_progress', 'waiting_for_customer', 'resolved', '-', 'closed', '-', '-', '-', '-', '-'],
  reopened: [
    'open',
    'in_progress',
    'waiting_for_customer',
    'resolved',
    'closed',
    'reopened',
    '-',
    '-',
    '-',
    '-',
    '-',
  ],
};

const outcome = (state: RequestState, action: RequestAction, now: Date) => {
  const d = decide({ state, changedAt, now, reopenWindowMs: window }, action);
  return d.ok ? d.to : '-';
};

describe('request lifecycle', () => {
  it('has a row for every state and a column for every action', () => {
    expect(Object.keys(expected)).toEqual([...requestStates]);
    for (const row of Object.values(expected)) expect(row).toHaveLength(actions.length);
  });

  for (const state of requestStates) {
    for (const [i, [name, action]] of actions.entries()) {
      it(`${state} × ${name} → ${expected[state][i]}`, () => {
        expect(outcome(state, action, within)).toBe(expected[state][i]);
      });
    }
  }

  it('after the window a resolved request can no longer be confirmed or reopened, and expires', () => {
    expect(outcome('resolved', { kind: 'confirm' }, after)).toBe('-');
    expect(outcome('resolved', { kind: 'reopen' }, after)).toBe('-');
    expect(outcome('resolved', { kind: 'expire' }, after)).toBe('closed');
    expect(outcome('resolved', { kind: 'expire' }, within)).toBe('-');
  });

  it('outside resolved the window changes nothing', () => {
    for (const state of requestStates.filter((s) => s !== 'resolved')) {
      for (const [i, [, action]] of actions.entries()) {
        expect(outcome(state, action, after)).toBe(expected[state][i]);
      }
    }
  });

  it('shows a resolved request past its window as closed, and every other as it is', () => {
    expect(effectiveState({ state: 'resolved', changedAt, now: after, reopenWindowMs: window })).toBe(
      'closed',
    );
    expect(effectiveState({ state: 'resolved', changedAt, now: within, reopenWindowMs: window })).toBe(
      'resolved',
    );
    expect(
      effectiveState({ state: 'waiting_for_customer', changedAt, now: after, reopenWindowMs: window }),
    ).toBe('waiting_for_customer');
  });

  it('says why an action is refused', () => {
    const d = decide({ state: 'open', changedAt, now: within, reopenWindowMs: window }, { kind: 'answer' });
    expect(d).toEqual({ ok: false, reason: expect.stringContaining('waiting for the customer') });
  });
});
