import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../status-server/config.ts';
import { parseForwarding } from '../../status-server/connectors/config.ts';
import type { OutgoingRequestEvent } from '../../status-server/connectors/outgoing.ts';
import { statusMap } from '../../status-server/connectors/redmine/config.ts';
import { noteFor } from '../../status-server/connectors/redmine/events.ts';
import {
  chunks,
  type DetailedIssue,
  inboundState,
  issueChanges,
  listPath,
  outboundStatus,
} from '../../status-server/connectors/redmine/sync.ts';

const redmine = {
  SNAPDESK_REDMINE_URL: 'https://redmine.example.com',
  SNAPDESK_REDMINE_API_KEY: 'k',
  SNAPDESK_REDMINE_PROJECT: 'support',
};
const map = statusMap.parse(
  '1=open,2=in_progress,3=resolved,4=waiting_for_customer,5=closed,6=closed,7=reopened',
);

describe('the Redmine status map', () => {
  it('reads the map in the order written, and polls every minute by default', () => {
    const cfg = parseForwarding({
      ...redmine,
      SNAPDESK_REDMINE_STATUS_MAP: ' 9 = closed , 2=in_progress,8=closed',
    });
    expect(cfg.redmine?.statusMap).toEqual([
      { id: 9, state: 'closed' },
      { id: 2, state: 'in_progress' },
      { id: 8, state: 'closed' },
    ]);
    expect(cfg.redmine?.pollSeconds).toBe(60);
    expect(parseForwarding({ ...redmine, SNAPDESK_REDMINE_POLL_SECONDS: '15' }).redmine?.pollSeconds).toBe(
      15,
    );
  });

  it('refuses a wrong map or interval with a message naming the variable and the expected form', () => {
    const wrong = (env: Record<string, string>) => () => loadConfig({ ...redmine, ...env });
    expect(wrong({ SNAPDESK_REDMINE_STATUS_MAP: '1=open,2=done' })).toThrow(
      'SNAPDESK_REDMINE_STATUS_MAP: must be like 1=open,2=in_progress,3=resolved,4=waiting_for_customer,5=closed,6=closed (Redmine status id = one of open, in_progress, waiting_for_customer, resolved, closed, reopened); "2=done" is not',
    );
    expect(wrong({ SNAPDESK_REDMINE_STATUS_MAP: 'open=1' })).toThrow(
      /STATUS_MAP: must be like .*"open=1" is not/,
    );
    expect(wrong({ SNAPDESK_REDMINE_STATUS_MAP: '1=open,1=closed' })).toThrow(
      'SNAPDESK_REDMINE_STATUS_MAP: names Redmine status 1 twice',
    );
    expect(wrong({ SNAPDESK_REDMINE_STATUS_MAP: '1=open,2=in_progress' })).toThrow(
      'SNAPDESK_REDMINE_STATUS_MAP: must map a Redmine status to closed (a confirmation sets it)',
    );
    expect(wrong({ SNAPDESK_REDMINE_STATUS_MAP: '1=open,5=closed' })).toThrow(
      'must map a Redmine status to reopened or in_progress (a reopening sets it)',
    );
    expect(wrong({ SNAPDESK_REDMINE_POLL_SECONDS: '5' })).toThrow(
      'SNAPDESK_REDMINE_POLL_SECONDS: must be at least 10 (seconds)',
    );
    // Without the connector's own variables, the map alone is a mistake too.
    expect(() => loadConfig({ SNAPDESK_REDMINE_STATUS_MAP: '1=open,5=closed,2=in_progress' })).toThrow(
      /SNAPDESK_REDMINE_URL: is required when SNAPDESK_REDMINE_STATUS_MAP is set/,
    );
  });

  it('turns a status into the state it stands for; a reopened status back into the queue', () => {
    expect(inboundState(map, 4, 'in_progress')).toBe('waiting_for_customer');
    expect(inboundState(map, 42, 'open')).toBeUndefined();
    expect(inboundState(map, 7, 'closed')).toBe('open');
    expect(inboundState(map, 7, 'reopened')).toBeUndefined();
  });

  it('sets the first status mapped to a state, or to the fallback', () => {
    expect(outboundStatus(map, 'closed')).toBe(5);
    expect(outboundStatus(map, 'reopened', 'in_progress')).toBe(7);
    expect(
      outboundStatus(
        map.filter((s) => s.state !== 'reopened'),
        'reopened',
        'in_progress',
      ),
    ).toBe(2);
  });
});

describe('asking Redmine in batches', () => {
  it('cuts the ids into chunks, the last one short', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 2)).toEqual([]);
  });

  it('lists issues in any status changed since a time to the second, as Redmine filters take it', () => {
    expect(listPath([3, 1, 2], new Date('2024-05-01T10:00:00.789Z'), 100)).toBe(
      '/issues.json?issue_id=3,1,2&status_id=*&updated_on=%3E%3D2024-05-01T10%3A00%3A00Z&sort=id&limit=100&offset=100',
    );
    expect(listPath([7], undefined, 0)).toBe(
      '/issues.json?issue_id=7&status_id=*&sort=id&limit=100&offset=0',
    );
  });
});

describe('what of a changed issue is new', () => {
  const us = 1;
  const support = { id: 5 };
  const statusChange = (to: number) => [{ property: 'attr', name: 'status_id', new_value: String(to) }];
  const issue = (status: number, journals: DetailedIssue['journals']): DetailedIssue => ({
    id: 100,
    status: { id: status },
    created_on: '2024-05-01T10:00:00Z',
    updated_on: '2024-05-01T11:00:00Z',
    journals,
  });

  it('takes public notes after the last one read, oldest first, and leaves private notes and ours out', () => {
    const changes = issueChanges(
      issue(1, [
        { id: 12, user: support, notes: 'second', details: [] },
        { id: 3, user: support, notes: 'read before', details: [] },
        { id: 10, user: support, notes: 'first', private_notes: false, details: [] },
        { id: 11, user: support, notes: 'internal', private_notes: true, details: [] },
        { id: 13, user: { id: us }, notes: 'the customer’s answer we sent', details: [] },
        { id: 14, user: support, notes: '  ', details: statusChange(1) },
      ]),
      { status_id: 1, journal_id: 9 },
      us,
    );
    expect(changes.comments).toEqual([
      { journalId: 10, notes: 'first' },
      { journalId: 12, notes: 'second' },
    ]);
    expect(changes.seen).toEqual({ status_id: 1, journal_id: 14 });
    expect(changes.status).toBeUndefined();
  });

  it('applies a status only when it moved since last seen, and not when our own update moved it', () => {
    expect(issueChanges(issue(3, []), { status_id: 2, journal_id: 0 }, us).status).toBe(3);
    expect(issueChanges(issue(3, []), { status_id: null, journal_id: 0 }, us).status).toBe(3);
    expect(issueChanges(issue(3, []), { status_id: 3, journal_id: 0 }, us).status).toBeUndefined();
    const ours = [{ id: 4, user: { id: us }, notes: 'reopened', details: statusChange(2) }];
    expect(issueChanges(issue(2, ours), { status_id: 3, journal_id: 0 }, us).status).toBeUndefined();
    // Support moved it after us: theirs is the newest change.
    const then = [...ours, { id: 5, user: support, notes: null, details: statusChange(4) }];
    expect(issueChanges(issue(4, then), { status_id: 3, journal_id: 0 }, us).status).toBe(4);
  });
});

describe("the customer's moves as notes", () => {
  const event = (kind: OutgoingRequestEvent['event']['kind'], body: string | null): OutgoingRequestEvent => ({
    deliveryId: 'd',
    reference: 'SD-7',
    externalRef: 'redmine#100',
    event: { id: 'e', kind, at: '2024-05-01T10:00:00Z', body },
    files: [],
  });

  it("says who moved and keeps the customer's words as written, in the help desk's language", () => {
    expect(noteFor(event('answer', 'Chrome *126*'), 'en')).toBe(
      'The customer answered in Snapdesk (SD-7):\n\nChrome *126*',
    );
    expect(noteFor(event('reopen', 'Still broken'), 'cs')).toBe(
      'Zákazník ve Snapdesku (SD-7) znovu otevřel svou žádost:\n\nStill broken',
    );
    expect(noteFor(event('confirm', null), 'en')).toBe(
      'The customer confirmed in Snapdesk (SD-7) that the problem is gone.',
    );
  });
});
