// The bytes of a CSV file as text. Excel on a Chinese Windows saves "CSV" in GB18030 (GBK), everything else
// writes UTF-8: try UTF-8 strictly first and fall back to GB18030, so neither comes in as mojibake.
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
