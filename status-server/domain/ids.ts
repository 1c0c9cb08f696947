const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 12-character lowercase id, the form the status-page API uses for every object. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  // 256 % 36 = 4, so the bias towards the first four letters is under 2%: fine for ids, not for secrets.
  return Array.from(bytes, (b) => alphabet[b % 36]).join('');
}
