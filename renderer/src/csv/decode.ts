// Decoding a CSV file's bytes (UTF-8, else GB18030 as Excel on a Chinese Windows saves it) lives in common/, where
// IT's shared address book in main reads files the same way.
export { decodeCsvBytes } from '../../../common/csv-cells';
