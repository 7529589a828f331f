// What JSON.parse forgets but a strict server notices: a key given twice in one object (JSON.parse keeps the last
// silently) and numbers written with a fraction or exponent (1.0, 1e0 parse to the integer 1, yet a typed server
// refuses them for an integer field). Runs on text that JSON.parse has already accepted, so it only tracks structure.

export interface JsonScan {
  /** Path of the first key that appears twice in the same object. */
  readonly duplicateKey: readonly string[] | undefined;
  /** Paths of number literals with a fraction or an exponent. */
  readonly nonIntegerLiterals: readonly (readonly string[])[];
}

interface Frame {
  readonly isObject: boolean;
  readonly keys: Set<string>;
  /** The key under which this container sits in its parent. */
  readonly parentKey: string | undefined;
}

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

export function scanJson(text: string): JsonScan {
  const stack: Frame[] = [];
  let key: string | undefined;
  let duplicateKey: string[] | undefined;
  const nonIntegerLiterals: string[][] = [];
  // The root has no key; array elements are named by their array's key.
  const path = (last: string | undefined): string[] => [
    ...stack.slice(1).map((frame) => frame.parentKey ?? ''),
    ...(last === undefined ? [] : [last]),
  ];

  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const raw = text.slice(i, end + 1);
      i = end + 1;
      while (/\s/.test(text[i] ?? '')) i += 1;
      const frame = stack.at(-1);
      // Only a key is followed by ':'.
      if (text[i] === ':' && frame?.isObject) {
        key = JSON.parse(raw) as string;
        if (frame.keys.has(key)) duplicateKey ??= path(key);
        frame.keys.add(key);
      }
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push({ isObject: ch === '{', keys: new Set(), parentKey: key });
      key = undefined;
    } else if (ch === '}' || ch === ']') {
      key = stack.pop()?.parentKey;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0] ?? ch;
      if (/[.eE]/.test(literal)) nonIntegerLiterals.push(path(key));
      i += literal.length;
      continue;
    }
    i += 1;
  }
  return { duplicateKey, nonIntegerLiterals };
}
