// Who asked for a call, read back from history: main records a call's origin as one line (common/call-model.ts
// describeOrigin: "schedule: Monday board", "retry 1/2: Board rooms"); the window says it in the operator's
// language. A line in another shape (an older record, a hand-edited file) is shown as it is.
import type { CallOrigin } from '../../../common/call-model';

export interface OriginParts {
  readonly kind: CallOrigin['kind'];
  readonly attempt?: number;
  readonly of?: number;
  readonly label?: string;
}

const ORIGIN = /^(operator|cli|set|schedule|retry|rejoin|link)(?: (\d{1,3})\/(\d{1,3}))?(?:: ([\s\S]+))?$/;

export function parseOrigin(text: string): OriginParts | undefined {
  const match = ORIGIN.exec(text);
  if (!match) return undefined;
  const [, kind, attempt, of, label] = match;
  return {
    kind: kind as CallOrigin['kind'],
    ...(attempt !== undefined && of !== undefined ? { attempt: Number(attempt), of: Number(of) } : {}),
    ...(label !== undefined ? { label } : {}),
  };
}
