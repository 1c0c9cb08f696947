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

  it('takes the page’s and the help desk’s languages among those there are catalogues for', () => {
    expect(loadConfig({})).toMatchObject({ defaultLocale: 'en', helpdeskLocale: 'en' });
    expect(loadConfig({ SNAPDESK_DEFAULT_LOCALE: 'ro' })).toMatchObject({
      defaultLocale: 'ro',
      helpdeskLocale: 'ro',
    });
    expect(loadConfig({ SNAPDESK_DEFAULT_LOCALE: 'uk', SNAPDESK_HELPDESK_LOCALE: 'cs' })).toMatchObject({
      defaultLocale: 'uk',
      helpdeskLocale: 'cs',
    });
    expect(() => loadConfig({ SNAPDESK_DEFAULT_LOCALE: 'de' })).toThrow(
      'SNAPDESK_DEFAULT_LOCALE: must be one of en, cs, es, ro, ru, uk',
    );
    expect(() => loadConfig({ SNAPDESK_HELPDESK_LOCALE: 'pt-BR' })).toThrow(
      /SNAPDESK_HELPDESK_LOCALE: must be one of/,
    );
  });

  it('runs one process unless told how many workers, 1 to 64', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ SNAPDESK_WORKERS: '4' }).workers).toBe(4);
    expect(() => loadConfig({ SNAPDESK_WORKERS: '0' })).toThrow(/SNAPDESK_WORKERS: .*1/);
    expect(() => loadConfig({ SNAPDESK_WORKERS: 'two' })).toThrow(/SNAPDESK_WORKERS/);
    expect(() => loadConfig({ SNAPDESK_WORKERS: '1.5' })).toThrow(/SNAPDESK_WORKERS/);
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
