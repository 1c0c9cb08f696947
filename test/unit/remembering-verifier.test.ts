import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rememberingVerifier, sign } from '../../status-server/reports/keys.ts';

describe('rememberingVerifier', () => {
  const key = randomBytes(32);

  it('opens what the key signed, again from memory, and nothing else', () => {
    const opens = rememberingVerifier(key, 10);
    const secret = sign(key, 'SD-1001');
    expect(opens(secret, 'SD-1001')).toBe(true);
    expect(opens(secret, 'SD-1001')).toBe(true);
    // A remembered secret opens its own reference only, and a near miss opens nothing.
    expect(opens(secret, 'SD-1002')).toBe(false);
    expect(opens(`${secret.slice(0, -1)}A`, 'SD-1001')).toBe(secret.endsWith('A'));
    expect(opens('', 'SD-1001')).toBe(false);
    expect(opens(sign(randomBytes(32), 'SD-1001'), 'SD-1001')).toBe(false);
  });

  it('keeps the newest good ones within its size and still opens the older ones by signing', () => {
    const opens = rememberingVerifier(key, 2);
    const refs = ['SD-1', 'SD-2', 'SD-3'];
    for (const ref of refs) expect(opens(sign(key, ref), ref)).toBe(true);
    for (const ref of refs) expect(opens(sign(key, ref), ref)).toBe(true);
    expect(opens(sign(key, 'SD-1'), 'SD-2')).toBe(false);
  });
});
