import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_CHANNELS, WEBHOOK_CHANNELS } from '../../status-server/domain/channels.ts';
import type { NoticeChannel } from '../../status-server/notices/channels/plugin.ts';
import { channels } from '../../status-server/notices/channels/registry.ts';

describe('the subscriber channels', () => {
  const all = Object.values(channels) as NoticeChannel[];

  it('has one plug-in per stored channel name, under its own name', () => {
    expect(Object.keys(channels).sort()).toEqual([...SUBSCRIPTION_CHANNELS].sort());
    for (const [name, c] of Object.entries(channels)) expect(c.name).toBe(name);
  });

  it('asks a proof of control of exactly the webhook channels, and sends them component changes', () => {
    expect(all.filter((c) => c.verification).map((c) => c.name)).toEqual([...WEBHOOK_CHANNELS]);
    expect(all.filter((c) => c.componentChanges).map((c) => c.name)).toEqual([...WEBHOOK_CHANNELS]);
  });
});
