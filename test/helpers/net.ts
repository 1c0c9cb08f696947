import { createServer } from 'node:net';

/**
 * A port on 127.0.0.1 that nothing listens on now: for a server started later on a known port, or
 * for a help desk that is down. Tests and benches share it (benches import test helpers, never the
 * other way round).
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}
