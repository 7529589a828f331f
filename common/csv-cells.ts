// CSV rules both directions share: a cell that starts like a formula (=, +, -, @, tab, CR) is written with a leading
// ' so a spreadsheet never runs it (renderer/src/csv/cells.ts) and read back without it; and decoding a file's bytes.
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Undoes the export's formula guard: "'=x" read back is "=x". Other leading quotes are the operator's text. */
export function unescapeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * The bytes of a CSV file as text. Excel on a Chinese Windows saves "CSV" in GB18030 (GBK), everything else
 * writes UTF-8: try UTF-8 strictly first and fall back to GB18030, so neither comes in as mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
