import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../status-server/config.ts';

describe('server configuration', () => {
  it('works with nothing set: SQLite in ./data on 127.0.0.1:8787', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8787);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.sqlitePath).toMatch(/data\/snapdesk\.sqlite$/);
    expect(c.publicUrl).toBe('http://127.0.0.1:8787');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SNAPDESK_PUBLIC_URL: 'ftp://x' })).toThrow(/SNAPDESK_PUBLIC_URL/);
    expect(() => loadConfig({ SNAPDESK_TIME_ZONE: 'Mars/Olympus' })).toThrow(/SNAPDESK_TIME_ZONE/);
  });

  it('takes a public URL without its trailing slash', () => {
    expect(loadConfig({ SNAPDESK_PUBLIC_URL: 'https://status.example.com/' }).publicUrl).toBe(
      'https://status.example.com',
    );
  });

  it('lists the server’s and the connectors’ problems in one round', () => {
    expect(() =>
      loadConfig({ PORT: 'eighty', SNAPDESK_FORWARD_WEBHOOK_URL: 'https://hooks.example.com' }),
    ).toThrow(/PORT: [^\n]*\n\s+SNAPDESK_FORWARD_WEBHOOK_SECRET: is required/);
  });
});
