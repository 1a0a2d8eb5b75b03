// A small argument parser shared by the subcommands.
import { clip } from '../core/text';

export class UsageError extends Error {}

export interface ParsedArgs {
  flags: Map<string, string | true>;
  files: string[];
}

/**
 * Splits `--name value`, `--name=value` and boolean flags from file arguments. `valued` lists
 * the flags that take a value; `--` ends the flags.
 */
export function parseArgs(argv: string[], valued: string[], booleans: string[] = []): ParsedArgs {
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (valued.includes(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`optie --${clip(name)} heeft een waarde nodig`);
        flags.set(name, value);
      } else if (booleans.includes(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`onbekende optie: ${clip(a)}`);
      }
    } else {
      files.push(a);
    }
  }
  return { flags, files };
}

export function formatFlag(args: ParsedArgs, allowed: string[], fallback: string): string {
  const f = args.flags.get('format');
  const value = typeof f === 'string' ? f : fallback;
  if (!allowed.includes(value)) throw new UsageError(`onbekend formaat: ${clip(value)} (kies ${allowed.join(' of ')})`);
  return value;
}
