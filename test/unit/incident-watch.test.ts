import { describe, expect, it } from 'vitest';
import { noticeOf } from '../../extension/lib/incidents/notice.ts';
import {
  type Change,
  decide,
  incidentsOf,
  type WatchedIncident,
  whereTouched,
} from '../../extension/lib/incidents/watch.ts';
import { hostCovers, webHost } from '../../shared/hosts.ts';
import type { V2Component, V2Incident, V2Summary } from '../../shared/schemas/api-v2.ts';

const at = '2025-03-01T10:00:00Z';

function component(id: string, name: string, hosts: string[]): V2Component {
  return {
    id,
    name,
    status: 'partial_outage',
    created_at: at,
    updated_at: at,
    position: 1,
    description: null,
    showcase: false,
    start_date: null,
    group_id: null,
    page_id: 'page00000001',
    group: false,
    only_show_if_degraded: false,
    hosts,
  };
}

function incident(
  id: string,
  status: V2Incident['status'],
  updates: string[],
  comps: V2Component[],
): V2Incident {
  return {
    id,
    name: `Incident ${id}`,
    status,
    created_at: at,
    updated_at: at,
    monitoring_at: null,
    resolved_at: null,
    impact: 'major',
    shortlink: `https://status.example.com/incidents/${id}`,
    started_at: at,
    page_id: 'page00000001',
    incident_updates: updates.map((u, i) => ({
      id: u,
      status,
      body: `Update ${u}`,
      incident_id: id,
      created_at: `2025-03-01T10:0${i}:00Z`,
      updated_at: at,
      display_at: at,
      affected_components: null,
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: comps,
  };
}

const shop = component('shop00000001', 'Shop', ['shop.example.com']);
const api = component('api000000001', 'API', ['api.example.com']);
const summary = (...incidents: V2Incident[]): V2Summary => ({
  page: {
    id: 'page00000001',
    name: 'Acme',
    url: 'https://status.example.com',
    time_zone: 'UTC',
    updated_at: at,
  },
  components: [shop, api],
  incidents,
  scheduled_maintenances: [],
  status: { indicator: 'major', description: 'Partial System Outage' },
});
const onShop = { mode: 'sites', hosts: ['shop.example.com'] } as const;

describe('the host rule shared by the server and the extension', () => {
  it('covers the host itself and its subdomains, not look-alike names', () => {
    expect(hostCovers('example.com', 'example.com')).toBe(true);
    expect(hostCovers('example.com', 'eu.shop.example.com')).toBe(true);
    expect(hostCovers('example.com', 'badexample.com')).toBe(false);
    expect(hostCovers('shop.example.com', 'example.com')).toBe(false);
  });

  it('takes a web page’s host as components name hosts, and nothing from other pages', () => {
    expect(webHost('https://Shop.Example.com./cart?x=1')).toBe('shop.example.com');
    expect(webHost('http://127.0.0.1:8080/tall.html')).toBe('127.0.0.1');
    expect(webHost('chrome://extensions')).toBeUndefined();
    expect(webHost('not a url')).toBeUndefined();
  });
});

describe('what the summary says', () => {
  it('keeps unresolved incidents with their latest update and the hosts of their components', () => {
    const [one, ...rest] = incidentsOf(
      summary(incident('a', 'identified', ['u1', 'u2'], [shop]), incident('b', 'resolved', ['u3'], [api])),
    );
    expect(rest).toEqual([]);
    expect(one).toMatchObject({
      id: 'a',
      status: 'identified',
      url: 'https://status.example.com/incidents/a',
      latest: 'Update u2',
      components: [{ id: shop.id, name: 'Shop', hosts: ['shop.example.com'] }],
    });
  });

  it('gives an incident a new version when an update is posted or its status changes', () => {
    const version = (i: V2Incident) => incidentsOf(summary(i))[0]?.version;
    const first = version(incident('a', 'investigating', ['u1'], [shop]));
    expect(version(incident('a', 'investigating', ['u1'], [shop]))).toBe(first);
    expect(version(incident('a', 'investigating', ['u1', 'u2'], [shop]))).not.toBe(first);
    expect(version(incident('a', 'monitoring', ['u1'], [shop]))).not.toBe(first);
  });
});

describe('which incidents touch the person', () => {
  const [checkout] = incidentsOf(summary(incident('a', 'investigating', ['u1'], [shop, api])));
  const theIncident = checkout as WatchedIncident;

  it('on the sites they work on: by host, a subdomain included', () => {
    expect(
      whereTouched(theIncident, { mode: 'sites', hosts: ['eu.shop.example.com', 'mail.example.org'] }),
    ).toEqual(['eu.shop.example.com']);
    expect(whereTouched(theIncident, { mode: 'sites', hosts: ['example.com'] })).toEqual([]);
  });

  it('on the components they chose: by id, named in the notification', () => {
    expect(whereTouched(theIncident, { mode: 'components', ids: [api.id] })).toEqual(['API']);
    expect(whereTouched(theIncident, { mode: 'components', ids: ['other0000001'] })).toEqual([]);
  });

  it('never while alerts are off', () => {
    expect(whereTouched(theIncident, { mode: 'off' })).toEqual([]);
  });
});

describe('what changed since the person was last told', () => {
  const now = (...incidents: V2Incident[]) => incidentsOf(summary(...incidents));
  const kinds = (changes: Change[]) => changes.map((c) => `${c.kind} ${c.id}`);

  it('an incident on their site starts, is updated, then resolved; each told once', () => {
    const started = decide({}, now(incident('a', 'investigating', ['u1'], [shop])), onShop);
    expect(kinds(started.changes)).toEqual(['started a']);
    expect(started.touching.map((i) => i.id)).toEqual(['a']);

    const again = decide(started.told, now(incident('a', 'investigating', ['u1'], [shop])), onShop);
    expect(again.changes).toEqual([]);
    expect(again.touching).toHaveLength(1);

    const updated = decide(again.told, now(incident('a', 'identified', ['u1', 'u2'], [shop])), onShop);
    expect(kinds(updated.changes)).toEqual(['updated a']);
    expect(updated.changes[0]?.incident?.latest).toBe('Update u2');

    const resolved = decide(updated.told, now(), onShop);
    expect(resolved.changes).toEqual([
      {
        kind: 'resolved',
        id: 'a',
        name: 'Incident a',
        url: 'https://status.example.com/incidents/a',
        where: ['shop.example.com'],
      },
    ]);
    expect(resolved.told).toEqual({});
    expect(resolved.touching).toEqual([]);
  });

  it('says nothing of incidents elsewhere, and counts none on the badge', () => {
    const result = decide({}, now(incident('b', 'investigating', ['u1'], [api])), onShop);
    expect(result).toEqual({ changes: [], told: {}, touching: [] });
  });

  it('moving to another site keeps what was told; coming back tells only what changed meanwhile', () => {
    const first = decide({}, now(incident('a', 'investigating', ['u1'], [shop])), onShop);
    const elsewhere = { mode: 'sites', hosts: ['news.example.org'] } as const;
    const away = decide(first.told, now(incident('a', 'investigating', ['u1'], [shop])), elsewhere);
    expect(away.changes).toEqual([]);
    expect(away.touching).toEqual([]);
    expect(away.told).toEqual(first.told);

    const back = decide(away.told, now(incident('a', 'investigating', ['u1'], [shop])), onShop);
    expect(back.changes).toEqual([]);
    const backLater = decide(away.told, now(incident('a', 'monitoring', ['u1', 'u2'], [shop])), onShop);
    expect(kinds(backLater.changes)).toEqual(['updated a']);
  });

  it('tells of the end of an incident they heard start, even when working elsewhere now', () => {
    const first = decide({}, now(incident('a', 'investigating', ['u1'], [shop])), onShop);
    const result = decide(first.told, now(), { mode: 'sites', hosts: [] });
    expect(kinds(result.changes)).toEqual(['resolved a']);
  });

  it('an incident that reaches their site later starts for them then', () => {
    const first = decide({}, now(incident('a', 'investigating', ['u1'], [api])), onShop);
    expect(first.changes).toEqual([]);
    const spread = decide(first.told, now(incident('a', 'identified', ['u1', 'u2'], [api, shop])), onShop);
    expect(kinds(spread.changes)).toEqual(['started a']);
  });
});

describe('the notification', () => {
  const [current] = incidentsOf(summary(incident('a', 'identified', ['u1'], [shop])));
  const started: Change = {
    kind: 'started',
    id: 'a',
    name: 'Checkout fails',
    url: 'https://status.example.com/incidents/a',
    where: ['shop.example.com', 'eu.shop.example.com'],
    incident: current,
  };

  it('names the incident, its status, the sites it touches and support’s latest words', () => {
    expect(noticeOf(started, 'en')).toEqual({
      title: 'Incident: Checkout fails',
      message: 'Identified · affects shop.example.com and eu.shop.example.com\nUpdate u1',
    });
  });

  it('speaks the person’s language', () => {
    const notice = noticeOf(started, 'ro');
    expect(notice.title).toBe('Incident: Checkout fails');
    expect(notice.message).toContain('afectează shop.example.com și eu.shop.example.com');
    expect(noticeOf({ ...started, kind: 'resolved', incident: undefined }, 'uk')).toEqual({
      title: 'Вирішено: Checkout fails',
      message: 'Інцидент, що стосувався shop.example.com і eu.shop.example.com, вирішено.',
    });
  });

  it('cuts a long update so the notification stays readable', () => {
    const long = { ...started, incident: { ...(current as WatchedIncident), latest: 'x'.repeat(1000) } };
    const { message } = noticeOf(long, 'en');
    expect(message.split('\n')[1]).toHaveLength(240);
    expect(message.endsWith('…')).toBe(true);
  });
});
