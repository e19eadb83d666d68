import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { crc32 as jsCrc32, type ZipCodec } from '../read/zip';

/**
 * Node's zlib for the zip reader: inflate about 3× and CRC-32 about 10× faster than the pure-JS path (measured on
 * a summary's 2.7 MB stamp sheet: 8.5 → 3 ms and 7.3 → 0.6 ms). zlib.crc32 needs Node 20.15; before that the JS one runs.
 */
export const nativeZipCodec: ZipCodec = {
  inflateRaw: (data, maxBytes) => {
    let out: Buffer;
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (error) {
      // Past maxOutputLength: a RangeError of this realm, as the codec promises (zlib's own may come from another one).
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new RangeError(`inflated past ${maxBytes} bytes`);
      throw error;
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  crc32: typeof zlibCrc32 === 'function' ? (data) => zlibCrc32(data) >>> 0 : jsCrc32,
};
