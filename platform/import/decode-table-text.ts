/** The text of a CSV file and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** Why the bytes of a file could not be read as text; branch on `kind`. */
export class TableEncodingError extends Error {
  override readonly name = 'TableEncodingError';
  readonly kind = 'encoding';
}

/**
 * Decodes the bytes of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's
 * "Unicode text"), else GB18030 — the superset of GBK and GB2312 that government systems and
 * Excel on Chinese Windows export by default. GBK-encoded Chinese text is practically never valid
 * UTF-8, so a file that is not valid UTF-8 is decoded as GB18030; one that is neither is refused
 * with a message saying how to save it, never imported as mojibake.
 */
export function decodeTableText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding next
  }
  let gb18030: TextDecoder;
  try {
    gb18030 = new TextDecoder('gb18030', { fatal: true });
  } catch {
    // A Node built without full ICU has no GB18030 decoder.
    throw new TableEncodingError(
      '文件不是 UTF-8 编码，且本机 Node 不支持 GBK/GB18030 解码，请另存为“CSV UTF-8（逗号分隔）” / the file is not UTF-8 and this Node has no GB18030 decoder (small ICU): save it as "CSV UTF-8"',
    );
  }
  try {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  } catch {
    throw new TableEncodingError(
      '文件既不是 UTF-8 也不是 GBK/GB18030 编码，请另存为“CSV UTF-8（逗号分隔）”后再导入 / ' +
        'the file is neither UTF-8 nor GBK/GB18030: save it as "CSV UTF-8 (comma delimited)" and import it again',
    );
  }
}
