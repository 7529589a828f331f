// The last lines of a gate script (package:check, security:gate): every failed assertion listed, then the exit code.
export function concludeGate(gate: string, failures: readonly string[]): number {
  if (failures.length) {
    console.error(`\n${gate} FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
    return 1;
  }
  console.log(`\n${gate} passed`);
  return 0;
}
