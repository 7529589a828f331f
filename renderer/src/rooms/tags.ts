// Tags as one line of text in the room form and CSV files; splitting lives in common/ (IT's shared book reads it too).
export { splitTags } from '../../../common/room-tags';

export function joinTags(tags: readonly string[], separator = '; '): string {
  return tags.join(separator);
}
