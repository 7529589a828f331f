// The one CSV cell rule both directions share: a cell that starts like a formula (=, +, -, @, tab, CR) is written
// with a leading ' so a spreadsheet never runs it (renderer/src/csv/cells.ts), and read back without it.
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Undoes the export's formula guard: "'=x" read back is "=x". Other leading quotes are the operator's text. */
export function unescapeCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
