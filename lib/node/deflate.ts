import { constants, deflateRawSync } from 'node:zlib';
import type { DeflateChunk } from '../summary/xlsx';

/**
 * Node's native zlib for the summary writer. Each chunk is compressed on its own and ends with a
 * sync flush (byte-aligned, not final), so the outputs concatenate into one deflate stream; the
 * last chunk finishes it. Level 1, as the fflate path: the XML is repetitive and speed matters more.
 */
export const nativeDeflateChunk: DeflateChunk = (data, final) =>
  deflateRawSync(data, { level: 1, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
