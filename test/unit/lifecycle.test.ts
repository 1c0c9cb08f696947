import { describe, expect, it } from 'vitest';
import {
  incidentTimes,
  maintenanceStatuses,
  resolutionStatuses,
} from '../../status-server/domain/lifecycle.ts';

const at = '2026-05-04T10:00:00.000Z';
const earlier = '2026-05-04T09:00:00.000Z';
const open = { monitoring_at: null, resolved_at: null };

describe('incident lifecycle', () => {
  it('records when an incident was first monitored, and keeps that time afterwards', () => {
    expect(incidentTimes(open, 'monitoring', at)).toEqual({ monitoring_at: at, resolved_at: null });
    expect(incidentTimes({ monitoring_at: earlier, resolved_at: null }, 'monitoring', at)).toEqual({
      resolved_at: null,
    });
  });
  it('records when it was first resolved; a postmortem keeps the resolution', () => {
    expect(incidentTimes(open, 'resolved', at)).toEqual({ resolved_at: at });
    expect(incidentTimes({ monitoring_at: null, resolved_at: earlier }, 'resolved', at)).toEqual({});
    expect(incidentTimes({ monitoring_at: null, resolved_at: earlier }, 'postmortem', at)).toEqual({});
  });
  it('clears the resolution of an incident that is reopened', () => {
    expect(incidentTimes({ monitoring_at: earlier, resolved_at: earlier }, 'investigating', at)).toEqual({
      resolved_at: null,
    });
  });
  it('puts every component back to operational on resolving, unless the resolution says otherwise', () => {
    expect(resolutionStatuses(['web', 'api'], { api: 'degraded_performance', db: 'operational' })).toEqual({
      web: 'operational',
      api: 'degraded_performance',
      db: 'operational',
    });
  });
});

describe('maintenance lifecycle', () => {
  const linked = [
    { id: 'web', status: 'under_maintenance' as const },
    { id: 'api', status: 'major_outage' as const },
  ];
  it('puts its components under maintenance when it starts', () => {
    expect(maintenanceStatuses('in_progress', linked)).toEqual({
      web: 'under_maintenance',
      api: 'under_maintenance',
    });
  });
  it('returns only components still under maintenance to operational when it completes', () => {
    expect(maintenanceStatuses('completed', linked)).toEqual({ web: 'operational' });
  });
  it('changes no component while scheduled or being verified', () => {
    expect(maintenanceStatuses('scheduled', linked)).toEqual({});
    expect(maintenanceStatuses('verifying', linked)).toEqual({});
  });
});
