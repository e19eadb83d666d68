import { createHash } from 'node:crypto';

/** SHA-256 as hex with Node's native crypto (the pure-JS hash showed up in profiles of a month's consolidation). */
export function nativeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
