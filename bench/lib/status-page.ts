/**
 * A realistic status page for load tests: 10 components in 3 groups, 200 resolved incidents over
 * 120 days, 3 active ones and a maintenance window, the same on every run (fixed seed).
 */
import { type Kysely, sql } from 'kysely';
import type { ComponentStatus, IncidentImpact } from '../../shared/schemas/status.ts';
import { loadConfig } from '../../status-server/config.ts';
import { openStore } from '../../status-server/platform/db.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import type { Database } from '../../status-server/platform/schema.ts';
import {
  addIncidentUpdate,
  createComponent,
  createGroup,
  createIncident,
  createMaintenance,
  resolveIncident,
} from '../../status-server/status/writes.ts';

type Db = Kysely<Database>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PAST_INCIDENTS = 200;
const HISTORY_DAYS = 120;

/** Store writes stamp the wall clock; to seed a past, every column a write stamped is moved back. */
const STAMPED = [
  ['component_groups', 'created_at'],
  ['component_groups', 'updated_at'],
  ['components', 'created_at'],
  ['components', 'updated_at'],
  ['component_status_changes', 'at'],
  ['incidents', 'created_at'],
  ['incidents', 'updated_at'],
  ['incidents', 'monitoring_at'],
  ['incidents', 'resolved_at'],
  ['incident_updates', 'created_at'],
] as const;

/**
 * Runs a store write as if at `when` (in the past): rows it stamped at or after the mark are moved
 * back, and earlier writes are untouched because they were already moved before the mark.
 */
async function writtenAt<T>(db: Db, when: number, write: () => Promise<T>): Promise<T> {
  const mark = new Date().toISOString();
  const result = await write();
  const at = new Date(when).toISOString();
  for (const [table, column] of STAMPED) {
    const stamp = sql.ref(column);
    await sql`update ${sql.table(table)} set ${stamp} = ${at} where ${stamp} >= ${mark}`.execute(db);
  }
  return result;
}

/** A fixed-seed PRNG (mulberry32), so every run measures the same page. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SeededComponent {
  id: string;
  name: string;
  host: string;
}

const CATALOGUE: Record<string, [name: string, host: string][]> = {
  Website: [
    ['Marketing site', 'www.example.com'],
    ['Dashboard', 'app.example.com'],
    ['Documentation', 'docs.example.com'],
  ],
  API: [
    ['REST API', 'api.example.com'],
    ['Webhooks', 'hooks.example.com'],
    ['Authentication', 'auth.example.com'],
    ['Realtime events', 'events.example.com'],
  ],
  Infrastructure: [
    ['CDN', 'cdn.example.com'],
    ['Email delivery', 'mail.example.com'],
    ['Database cluster', 'db.example.com'],
  ],
};

async function seedComponents(db: Db, at: number): Promise<SeededComponent[]> {
  const seeded: SeededComponent[] = [];
  for (const [group, members] of Object.entries(CATALOGUE)) {
    const { id: group_id } = await writtenAt(db, at, () => createGroup(db, { name: group }));
    for (const [name, host] of members) {
      const c = await writtenAt(db, at, () =>
        createComponent(db, { name, group_id, hosts: [host], description: `Serves ${host}.` }),
      );
      seeded.push({ id: c.id, name, host });
    }
  }
  return seeded;
}

const CAUSES = [
  'connection pool exhausted after a deploy',
  'certificate renewal that did not propagate to every edge node',
  'disk filling up on a replica',
  'misrouted traffic after a network change at our provider',
  'runaway background job saturating the queue',
];
const STATUS_BY_IMPACT: Record<IncidentImpact, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
};

/** One incident's story: what broke, how badly, and the messages a responder would post. */
function incidentStory(rand: () => number, components: SeededComponent[]) {
  const pick = () => components[Math.floor(rand() * components.length)] as SeededComponent;
  const hit = [...new Set([pick(), ...(rand() < 0.3 ? [pick()] : [])])];
  const impact = (['minor', 'minor', 'major', 'critical'] as const)[Math.floor(rand() * 4)] ?? 'minor';
  const statuses = Object.fromEntries(hit.map((c) => [c.id, STATUS_BY_IMPACT[impact]]));
  const names = hit.map((c) => `**${c.name}**`).join(' and ');
  const cause = CAUSES[Math.floor(rand() * CAUSES.length)] ?? 'an unknown cause';
  return {
    impact,
    statuses,
    name: `${impact === 'critical' ? 'Outage' : 'Errors'} on ${hit.map((c) => c.name).join(' and ')}`,
    investigating: `We are investigating elevated error rates on ${names}. Some requests to \`${hit[0]?.host}\` may fail or time out. Next update within 30 minutes.`,
    identified: `We have identified the cause: a ${cause}. A fix is being rolled out.\n\n- Affected: ${names}\n- Workaround: retry failed requests after a few seconds`,
    monitoring: 'The fix is deployed and error rates are back to normal. We are monitoring the results.',
    resolved:
      'This incident has been resolved. A post-incident review will follow on [our blog](https://blog.example.com/incidents).',
  };
}

type Story = ReturnType<typeof incidentStory>;

function openIncident(db: Db, story: Story, start: number): Promise<string> {
  return writtenAt(db, start, () =>
    createIncident(db, {
      name: story.name,
      status: 'investigating',
      impact: story.impact,
      message: story.investigating,
      components: story.statuses,
      started_at: new Date(start).toISOString(),
    }),
  );
}

/** A resolved incident: investigating, identified, sometimes monitoring, resolved; over 20 min to 4 h. */
async function seedPastIncident(db: Db, rand: () => number, components: SeededComponent[], start: number) {
  const story = incidentStory(rand, components);
  const length = (20 + rand() * 220) * 60_000;
  const id = await openIncident(db, story, start);
  await writtenAt(db, start + length * 0.3, () =>
    addIncidentUpdate(db, id, { status: 'identified', message: story.identified, components: {} }),
  );
  if (rand() < 0.5) {
    await writtenAt(db, start + length * 0.7, () =>
      addIncidentUpdate(db, id, { status: 'monitoring', message: story.monitoring, components: {} }),
    );
  }
  await writtenAt(db, start + length, () =>
    resolveIncident(db, id, { message: story.resolved, components: {} }),
  );
}

/** An incident still open, started `minutesAgo`, with `steps` posted at even intervals since. */
async function seedActiveIncident(
  db: Db,
  rand: () => number,
  components: SeededComponent[],
  minutesAgo: number,
  steps: ('identified' | 'monitoring')[],
) {
  const story = incidentStory(rand, components);
  const start = Date.now() - minutesAgo * 60_000;
  const id = await openIncident(db, story, start);
  for (const [i, status] of steps.entries()) {
    const message = status === 'identified' ? story.identified : story.monitoring;
    await writtenAt(db, start + ((i + 1) * minutesAgo * 60_000) / (steps.length + 1), () =>
      addIncidentUpdate(db, id, { status, message, components: {} }),
    );
  }
}

/** 10 components in 3 groups, 200 resolved incidents over 120 days, 3 active ones, 1 maintenance. */
export async function seedStatusPage(dataDir: string): Promise<void> {
  const store = openStore(loadConfig({ SNAPDESK_DATA_DIR: dataDir }));
  const db = store.db;
  try {
    await migrateToLatest(db);
    const rand = random(20_240_601);
    const now = Date.now();
    const components = await seedComponents(db, now - 200 * DAY);
    const spacing = (HISTORY_DAYS * DAY) / PAST_INCIDENTS;
    for (let i = 0; i < PAST_INCIDENTS; i++) {
      // Evenly spread with jitter, oldest first so status changes stay in time order.
      const start = now - HISTORY_DAYS * DAY + i * spacing + rand() * spacing * 0.5;
      await seedPastIncident(db, rand, components, start);
    }
    await seedActiveIncident(db, rand, components, 180, ['identified', 'monitoring']);
    await seedActiveIncident(db, rand, components, 60, ['identified']);
    await seedActiveIncident(db, rand, components, 25, ['identified']);
    const windowStart = now + 3 * DAY;
    await writtenAt(db, now - DAY, () =>
      createMaintenance(db, {
        name: 'Database cluster upgrade',
        message:
          'We will upgrade the database cluster to a new major version. Writes may pause for up to a minute.',
        scheduled_for: new Date(windowStart).toISOString(),
        scheduled_until: new Date(windowStart + 2 * HOUR).toISOString(),
        components: components.filter((c) => /^(db|api)\./.test(c.host)).map((c) => c.id),
      }),
    );
  } finally {
    await store.close();
  }
}
