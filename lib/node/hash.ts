import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 as hex with Node's native crypto (the pure-JS hash showed up in profiles of a month's consolidation). */
export function nativeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file read in chunks: a file too large to hold is never held. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
