import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signedPost } from '../../status-server/platform/http/signed-post.ts';
import { PermanentError } from '../../status-server/platform/jobs/handler.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';

const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

describe('signedPost, the one sender of webhooks', () => {
  let hook: HookReceiver | undefined;
  let silent: Server | undefined;
  afterEach(async () => {
    await hook?.stop();
    hook = undefined;
    silent?.closeAllConnections();
    await new Promise((done) => (silent ? silent.close(done) : done(undefined)));
    silent = undefined;
  });

  it('signs per Standard Webhooks, adds the given headers and answers status and body', async () => {
    hook = await startHookReceiver({ secret });
    const body = JSON.stringify({ hello: 'world' });
    const answer = await signedPost({
      url: `${hook.url}/in`,
      secret,
      id: 'msg_1',
      body,
      timeoutMs: 10_000,
      headers: { 'user-agent': 'Snapdesk-Test/1' },
    });
    expect(answer).toEqual({ status: 204, body: '' });
    const [delivery] = hook.deliveries;
    expect(delivery).toMatchObject({ id: 'msg_1', body, verified: { hello: 'world' } });
    expect(delivery?.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': 'Snapdesk-Test/1',
    });
  });

  it('makes a final refusal permanent and any other one worth a retry', async () => {
    hook = await startHookReceiver({ secret });
    hook.answers.push(410, 503);
    const post = () => signedPost({ url: hook?.url ?? '', secret, id: 'm', body: '{}', timeoutMs: 10_000 });
    const gone = await post().catch((e: Error) => e);
    expect(gone).toBeInstanceOf(PermanentError);
    expect((gone as Error).message).toMatch(
      /^webhook http:\/\/127\.0\.0\.1:\d+\/ answered 410: refused with 410$/,
    );
    const down = await post().catch((e: Error) => e);
    expect(down).not.toBeInstanceOf(PermanentError);
    expect((down as Error).message).toMatch(/answered 503/);
  });

  it('connects through the given lookup, which may refuse the address', async () => {
    hook = await startHookReceiver({ secret });
    const url = hook.url.replace('127.0.0.1', 'receiver.invalid');
    const refused = signedPost({
      url,
      secret,
      id: 'm',
      body: '{}',
      timeoutMs: 10_000,
      lookup: (_host, _options, callback) => callback(new Error('not on the allow list'), '', 4),
    });
    await expect(refused).rejects.toThrow(
      /^POST http:\/\/receiver\.invalid:\d+\/ failed: not on the allow list$/,
    );
    expect(hook.deliveries).toEqual([]);
  });

  it('gives up on a receiver that never answers, naming the endpoint', async () => {
    silent = createServer(() => {});
    await new Promise<void>((done) => silent?.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as AddressInfo;
    const stuck = signedPost({
      url: `http://127.0.0.1:${port}/in`,
      secret,
      id: 'm',
      body: '{}',
      timeoutMs: 50,
    });
    await expect(stuck).rejects.toThrow(`POST http://127.0.0.1:${port}/in failed: no answer within 0.05 s`);
  });
});
