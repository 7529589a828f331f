// Tags as one line of text (the room form and CSV files): separated by commas or semicolons, ASCII or full-width
// as a Chinese input method types them. Trimmed, empty ones dropped; the validator then refuses bad ones by name.
const SEPARATORS = /[;；,，|]/;

export function splitTags(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

export function joinTags(tags: readonly string[], separator = '; '): string {
  return tags.join(separator);
}
