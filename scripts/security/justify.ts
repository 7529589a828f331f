// Sorting Electronegativity findings into justified and not, against build/electronegativity-justified.json.
// A justification names the check, the file (relative to the scanned app folder), a piece of the matched source
// line when there is one, how many findings it covers (default 1), and why they are acceptable. Findings beyond that
// count stay unjustified, so a new window or a new openExternal call that happens to share a line with a justified
// one is still reported; a justification that matches fewer findings than its count is stale and fails the gate
// too, so the file only ever lists findings that exist. Lines are not part of the match: they move with every build.

export interface Finding {
  id: string;
  file: string;
  line: number;
  sample: string;
  description: string;
  severity: string;
  confidence: string;
}

export interface Justification {
  check: string;
  file: string;
  sample?: string;
  /** How many findings this covers; 1 when absent. */
  count?: number;
  reason: string;
}

export interface Verdict {
  justified: { finding: Finding; reason: string }[];
  unjustified: Finding[];
  /** Justifications that matched fewer findings than their count (none at all, most often). */
  stale: { justification: Justification; found: number }[];
}

function matches(justification: Justification, finding: Finding): boolean {
  return (
    justification.check === finding.id &&
    justification.file === finding.file &&
    (justification.sample === undefined || finding.sample.includes(justification.sample))
  );
}

export function judge(findings: readonly Finding[], justifications: readonly Justification[]): Verdict {
  const verdict: Verdict = { justified: [], unjustified: [], stale: [] };
  const used = new Map<Justification, number>();
  for (const finding of findings) {
    const justification = justifications.find(
      (candidate) => matches(candidate, finding) && (used.get(candidate) ?? 0) < (candidate.count ?? 1),
    );
    if (!justification) verdict.unjustified.push(finding);
    else {
      used.set(justification, (used.get(justification) ?? 0) + 1);
      verdict.justified.push({ finding, reason: justification.reason });
    }
  }
  verdict.stale = justifications
    .map((justification) => ({ justification, found: used.get(justification) ?? 0 }))
    .filter(({ justification, found }) => found < (justification.count ?? 1));
  return verdict;
}

/** Reads the justification file's list, refusing entries without a check, a file or a real reason. */
export function parseJustifications(json: unknown): Justification[] {
  const list = (json as { justified?: unknown })?.justified;
  if (!Array.isArray(list)) throw new Error('electronegativity-justified.json: "justified" must be a list');
  return list.map((entry: Partial<Justification>, index) => {
    for (const field of ['check', 'file', 'reason'] as const) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') {
        throw new Error(`electronegativity-justified.json: justified[${index}].${field} must be a non-empty string`);
      }
    }
    if (entry.reason!.trim().length < 40) {
      throw new Error(
        `electronegativity-justified.json: justified[${index}].reason must say why (40 characters or more)`,
      );
    }
    if (entry.sample !== undefined && typeof entry.sample !== 'string') {
      throw new Error(`electronegativity-justified.json: justified[${index}].sample must be a string`);
    }
    if (entry.count !== undefined && !(Number.isInteger(entry.count) && entry.count >= 1)) {
      throw new Error(`electronegativity-justified.json: justified[${index}].count must be a whole number from 1`);
    }
    return entry as Justification;
  });
}
