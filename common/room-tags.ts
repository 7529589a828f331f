// Tags as one line of text (the room form, CSV files, IT's shared address book): separated by commas or semicolons,
// ASCII or full-width as a Chinese input method types them. Trimmed, empty ones dropped; the validator then refuses
// bad ones by name.
const SEPARATORS = /[;；,，|]/;

export function splitTags(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}
