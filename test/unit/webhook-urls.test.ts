import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../status-server/config.ts';
import { echoesChallenge } from '../../status-server/notices/deliver.ts';
import {
  isSlackIncomingWebhook,
  targetHost,
  webhookKey,
} from '../../status-server/subscriptions/webhook-url.ts';

const key = (url: string) => webhookKey(new URL(url));

describe('public webhook URLs', () => {
  it('compares the endpoint: scheme, host, port and path, however they are spelled', () => {
    const same = [
      'https://hooks.example.com/hook',
      'HTTPS://Hooks.Example.COM/hook',
      'https://hooks.example.com:443/hook',
      'https://hooks.example.com./hook',
      'https://hooks.example.com/hook/',
      'https://hooks.example.com/a/../hook',
      'https://hooks.example.com/hook?a=1',
      'https://hooks.example.com/hook?a=2',
      'https://hooks.example.com/hook#part',
      'https://user:pass@hooks.example.com/hook',
    ];
    for (const url of same) expect(key(url), url).toBe('https://hooks.example.com/hook');
    for (const url of [
      'http://hooks.example.com/hook',
      'https://hooks.example.com:8443/hook',
      'https://other.example.com/hook',
      'https://hooks.example.com/Hook',
      'https://hooks.example.com/hook/2',
    ]) {
      expect(key(url), url).not.toBe('https://hooks.example.com/hook');
    }
  });

  it('writes international names in ASCII, escapes in one case, and keeps the root path', () => {
    expect(key('https://Bücher.example/hook')).toBe('https://xn--bcher-kva.example/hook');
    expect(key('https://xn--bcher-kva.example/hook')).toBe('https://xn--bcher-kva.example/hook');
    expect(key('http://h.example/a%2fb')).toBe(key('http://h.example/a%2Fb'));
    expect(key('http://h.example')).toBe('http://h.example/');
    expect(key('http://h.example:80/')).toBe('http://h.example/');
    expect(key('http://[0:0::1]:8080/x')).toBe('http://[::1]:8080/x');
    expect(key('http://0x7f.1/x')).toBe('http://127.0.0.1/x');
  });

  it('counts hosts without their trailing dot or port', () => {
    expect(targetHost(new URL('https://Hooks.Example.com.:8443/x'))).toBe('hooks.example.com');
    expect(targetHost(new URL('https://[2001:db8::1]/x'))).toBe('[2001:db8::1]');
  });

  it('recognises Slack incoming-webhook URLs by their shape alone', () => {
    const slack = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';
    expect(isSlackIncomingWebhook(new URL(slack))).toBe(true);
    expect(isSlackIncomingWebhook(new URL(slack.replace('hooks.slack.com', 'HOOKS.slack.com.')))).toBe(true);
    for (const url of [
      slack.replace('https:', 'http:'),
      slack.replace('hooks.slack.com', 'hooks.slack.com:8443'),
      slack.replace('hooks.slack.com', 'hooks.slack.com.evil.example'),
      slack.replace('hooks.slack.com', 'evil.example/hooks.slack.com'),
      slack.replace('https://', 'https://hooks.slack.com@'),
      `${slack}?redirect=1`,
      `${slack}/more`,
      'https://hooks.slack.com/services/X00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/workflows/T00000000/A00000000/123/XXXX',
      'https://hooks.slack.com/services/T00000000/B00000000/',
      'https://hooks.slack.com/',
    ]) {
      expect(isSlackIncomingWebhook(new URL(url)), url).toBe(false);
    }
  });
});

describe('answers to a verification request', () => {
  const challenge = 'q1w2e3r4t5y6u7i8o9p0a1s2';

  it('take the challenge as the body, or as JSON', () => {
    expect(echoesChallenge(challenge, challenge)).toBe(true);
    expect(echoesChallenge(`  ${challenge}\n`, challenge)).toBe(true);
    expect(echoesChallenge(JSON.stringify({ challenge }), challenge)).toBe(true);
  });

  it('refuse anything else, the request sent back included', () => {
    const request = JSON.stringify({ type: 'subscription.verify', data: { challenge } });
    for (const answer of [
      '',
      'ok',
      request,
      `"${challenge}"`,
      `${challenge}x`,
      `ok ${challenge}`,
      JSON.stringify({ challenge: `${challenge} ` }),
      JSON.stringify({ data: { challenge } }),
      JSON.stringify([challenge]),
    ]) {
      expect(echoesChallenge(answer, challenge), answer).toBe(false);
    }
  });
});

describe('the per-host limit', () => {
  it('is 20 by default, and must be a whole number from 1', () => {
    expect(loadConfig({}).subscriptions.webhooksPerHost).toBe(20);
    expect(loadConfig({ SNAPDESK_WEBHOOKS_PER_HOST: '3' }).subscriptions.webhooksPerHost).toBe(3);
    for (const wrong of ['0', '-1', '2.5', 'many']) {
      expect(() => loadConfig({ SNAPDESK_WEBHOOKS_PER_HOST: wrong })).toThrow(/SNAPDESK_WEBHOOKS_PER_HOST/);
    }
  });
});
