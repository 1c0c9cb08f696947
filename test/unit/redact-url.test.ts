import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../shared/redact-url.ts';

describe('URL redaction', () => {
  it('drops the query string, the fragment and credentials', () => {
    expect(redactUrl('https://shop.example.com/checkout/pay?token=abc&email=a%40b.com#step-2')).toBe(
      'https://shop.example.com/checkout/pay',
    );
    expect(redactUrl('https://user:hunter2@api.example.com:8443/v1/orders')).toBe(
      'https://api.example.com:8443/v1/orders',
    );
  });

  it('keeps what support can use: numeric ids, slugs, file names', () => {
    for (const url of [
      'https://shop.example.com/orders/456/invoice',
      'https://shop.example.com/products/summer-sale-2024-red-shoes-size-42',
      'https://cdn.example.com/assets/main.3f9a8b7c.js',
      'https://shop.example.com/api/v2/branches/17/stock/9780306406157',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });

  it.each([
    [
      'an e-mail address',
      'https://x.example/users/jane.doe@example.com/orders',
      'https://x.example/users/:email/orders',
    ],
    [
      'an encoded e-mail address',
      'https://x.example/users/jane%40example.com',
      'https://x.example/users/:email',
    ],
    [
      'a JSON Web Token',
      'https://x.example/auth/callback/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl',
      'https://x.example/auth/callback/:jwt',
    ],
    [
      'a UUID',
      'https://x.example/share/3f2c1e9a-7b4d-4c2e-9f1a-0d8e6b5a4c3b/view',
      'https://x.example/share/:uuid/view',
    ],
    [
      'a long hex id',
      'https://x.example/s/9f86d081884c7d659a2feaa0c55ad015/file',
      'https://x.example/s/:hex/file',
    ],
    ['a card number', 'https://x.example/cards/4111111111111111', 'https://x.example/cards/:card'],
    [
      'a random key',
      'https://x.example/hooks/sk_live_51HqLyjWDarjtT1zdp7dcXgm9',
      'https://x.example/hooks/:token',
    ],
    [
      'what follows a secret-announcing word',
      'https://x.example/reset-password/Xy7kq',
      'https://x.example/reset-password/:secret',
    ],
    [
      'a path parameter session',
      'https://x.example/cart;jsessionid=A1B2C3D4/add',
      'https://x.example/cart/add',
    ],
  ])('replaces %s with a placeholder', (_what, url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('keeps a long number that fails the card check, such as an order id', () => {
    expect(redactUrl('https://x.example/orders/4111111111111112')).toBe(
      'https://x.example/orders/4111111111111112',
    );
  });

  it('keeps only the scheme of URLs whose body is content', () => {
    expect(redactUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('data:');
    expect(redactUrl('blob:https://shop.example.com/3f2c1e9a-7b4d-4c2e-9f1a-0d8e6b5a4c3b')).toBe('blob:');
  });

  it('redacts relative and unparsable URLs by the same path rule', () => {
    expect(redactUrl('/api/users/jane@example.com/cart?session=1')).toBe('/api/users/:email/cart');
    expect(redactUrl('not a url#frag')).toBe('not a url');
  });

  it('cuts very long URLs', () => {
    const long = redactUrl(`https://x.example/${'segment/'.repeat(200)}`);
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
