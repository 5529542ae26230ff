/**
 * File bytes as text, the way editors open them: a byte order mark decides (UTF-8, UTF-16 LE/BE, as
 * Windows tools write them); without one, valid UTF-8 is UTF-8, and anything else is a legacy 8-bit
 * file, read as Windows-1252 (the superset of Latin-1 most such files are written in)
 * rather than sent as U+FFFD. A NUL byte outside UTF-16 means binary.
 */

export interface DecodedText {
  text: string;
  /** WHATWG encoding label, e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
}

const BOMS: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The text, or undefined when the bytes look binary (a NUL in the first 8 KB of a file without a UTF-16 BOM). */
export function decodeFile(bytes: Uint8Array): DecodedText | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, i) => bytes[i] === byte)) {
      return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding };
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252's 0x80-0x9F (https://encoding.spec.whatwg.org/index-windows-1252.txt); the other
 * bytes are Latin-1. Written out because Node's TextDecoder('windows-1252') decodes these as the C1
 * controls of Latin-1 (U+0080-U+009F). The five unassigned bytes keep their Latin-1 code point.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}
