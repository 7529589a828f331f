// CSV cell rules shared by every export and import: Excel-safe output (a BOM so Excel reads UTF-8 Chinese, and
// formula-looking cells prefixed with ' so a spreadsheet never runs them) and the way back on import.
import Papa from 'papaparse';
import { FORMULA_START } from '../../../common/csv-cells';

/** Excel opens a BOM-less UTF-8 CSV as the local code page and garbles Chinese. */
const BOM = '\uFEFF';

export function toCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  return (
    BOM +
    // Our own pattern, not `escapeFormulae: true`: Papa's /^[=+\-@\t\r].*$/ misses a cell with a line break in it.
    Papa.unparse(
      { fields: [...fields], data: rows.map((row) => [...row]) },
      { escapeFormulae: FORMULA_START, newline: '\r\n' },
    )
  );
}

export { unescapeCell } from '../../../common/csv-cells';
