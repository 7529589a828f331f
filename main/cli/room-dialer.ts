#!/usr/bin/env node
// `room-dialer` entry point (npm run cli, or the package bin once built).
//
// Help and a bare `room-dialer` are answered from args.ts alone (node:util): the client, the dialer, zod's schemas
// and the keychain are a few hundred kilobytes of modules that `--help` has no use for, so they are imported only
// once the command line asks for a command (run-in-process.ts). runCli answers help the same way; its tests call it.
import { parseCommandLine, USAGE } from './args';

const EXIT_OK = 0;
/** output.ts EXIT.badInput, which a bare `room-dialer` exits with (runCli's rule for it, kept in step). */
const EXIT_BAD_INPUT = 2;

/** 'help' or 'usage' when that is all the command line asks for; anything else (mistakes too) is runCli's. */
function helpOnly(argv: readonly string[]): 'help' | 'usage' | undefined {
  try {
    const parsed = parseCommandLine(argv);
    return parsed === 'help' || parsed === 'usage' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const help = helpOnly(argv);
  if (help === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (help === 'usage') {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_BAD_INPUT;
  }
  const { runInProcess } = await import('./run-in-process');
  return runInProcess(argv);
}

process.exitCode = await main(process.argv.slice(2));
