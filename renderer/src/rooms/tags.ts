// Tags as one line of text (the room form and CSV files): separated by commas or semicolons, ASCII or full-width
// as a Chinese input method types them. The validator trims them and drops empty ones and repeats.
const SEPARATORS = /[;；,，|]/;

export function splitTags(text: string): string[] {
  return text.split(SEPARATORS);
}

export function joinTags(tags: readonly string[], separator = '; '): string {
  return tags.join(separator);
}
