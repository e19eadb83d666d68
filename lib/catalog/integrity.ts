import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * The key used when the secretariat has not set its own (DA06_SECRET). It is public, so it only
 * catches casual or accidental edits of the identity sheet; a private key also stops deliberate forgery.
 */
export const DEFAULT_INTEGRITY_KEY = 'da06/thanh-hoa/ke-hoach-210/khoa-mac-dinh';

export interface IntegrityFields {
  templateId: string;
  templateVersion: number;
  unitCode: string;
  period: string;
  catalogHash: string;
}

/**
 * A keyed token binding a template to the unit and period it was issued for. Whoever changes the
 * unit or period in the hidden identity sheet cannot recompute it without the key.
 * @example integrityToken(key, { templateId, templateVersion: 1, unitCode: 'SYT', period: '2026-11', catalogHash })
 */
export function integrityToken(key: string, fields: IntegrityFields): string {
  const message = [fields.templateId, fields.templateVersion, fields.unitCode, fields.period, fields.catalogHash].join('\n');
  return bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(message))).slice(0, 32);
}
