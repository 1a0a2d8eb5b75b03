// The `antwoordbrief` command line: a table of subcommands, each a host of the same core.
import { runCheck } from './check';
import { runSkeleton } from './skeleton';
import { runOutline } from './outline';
import { runRefs } from './refs';
import { runToezeggingen } from './toezeggingen';
import { InputError } from './io';
import { UsageError } from './options';
import { limitHeapGrowth } from '../host/heap';
import { clip } from '../core/text';

export interface CommandResult {
  stdout: string;
  /** One-line Dutch messages for stderr. */
  stderr: string[];
  code: number;
}

export interface Command {
  usage: string;
  /** Dutch, one line. */
  summary: string;
  run(argv: string[]): CommandResult | Promise<CommandResult>;
}

/** Subcommands: a new one is one more entry here. */
export const COMMANDS: Record<string, Command> = {
  check: {
    usage: 'antwoordbrief check [--format text|json] [--questions VRAGENBRIEF] [--cache MAP] BESTAND|MAP...',
    summary: 'Controleert of elke (sub)vraag beantwoord is en elke vraag uit de vragenbrief letterlijk is overgenomen.',
    run: runCheck,
  },
  skeleton: {
    usage: 'antwoordbrief skeleton VRAGENBRIEF',
    summary: 'Drukt de antwoordopzet van een vragenbrief af als Markdown: elke vraag letterlijk, met een leeg antwoord.',
    run: runSkeleton,
  },
  outline: {
    usage: 'antwoordbrief outline [--format text|json] BESTAND',
    summary: 'Toont de vragen van een brief met hun subvragen en de staat van het antwoord.',
    run: runOutline,
  },
  refs: {
    usage: 'antwoordbrief refs [--format text|json] [--resolve [--offline] [--cache MAP] [--tweedekamer-url URL] [--officielebekendmakingen-url URL]] BESTAND...',
    summary: 'Toont elke Kamerstukverwijzing en motie in de brieven, met hoe een motie aan haar nummer gekoppeld is.',
    run: runRefs,
  },
  toezeggingen: {
    usage: 'antwoordbrief toezeggingen [--format text|json|csv [--excel]] [--datum JJJJ-MM-DD] BESTAND|MAP...',
    summary: 'Toont elke toezegging aan de Kamer in de brieven, met de termijn en de datum waarop die afloopt.',
    run: runToezeggingen,
  },
};

function help(): string {
  return [
    'antwoordbrief: controleer antwoordbrieven aan de Kamer.',
    '',
    'Gebruik:',
    // Usage on its own line: the refs usage alone is wider than a terminal.
    ...Object.values(COMMANDS).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Uitvoer: tekst; --format json voor scripts.',
    'Afsluitcode: 0 geen fouten, 1 fouten gevonden, 2 invoer niet leesbaar of onjuist gebruik,',
    '3 (refs --resolve) een bron was niet bereikbaar voor minstens één stuk.',
    'Meer over een opdracht: antwoordbrief OPDRACHT --help',
  ].join('\n');
}

export async function main(argv: string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') return { stdout: help() + '\n', stderr: [], code: 0 };
  if (name === '--version') return { stdout: '0.1.0\n', stderr: [], code: 0 };
  const command = COMMANDS[name];
  if (!command) return { stdout: '', stderr: [`antwoordbrief: onbekende opdracht '${clip(name)}' (zie antwoordbrief --help)`], code: 2 };
  if (rest.includes('--help') || rest.includes('-h')) return { stdout: `Gebruik: ${command.usage}\n${command.summary}\n`, stderr: [], code: 0 };
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) return { stdout: '', stderr: [`antwoordbrief ${name}: ${e.message} (gebruik: ${command.usage})`], code: 2 };
    if (e instanceof InputError) return { stdout: '', stderr: [`antwoordbrief: ${e.message}`], code: 2 };
    const msg = e instanceof Error ? e.message : String(e);
    return { stdout: '', stderr: [`antwoordbrief: interne fout: ${clip(msg.split('\n')[0], 200)}`], code: 2 };
  }
}

/**
 * Why output could not be written, as one Dutch clause, for a write error of stdout: a full disk,
 * a read-only or vanished target, any other system error by its code.
 */
export function outputFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'de schijf is vol';
  if (code === 'EROFS') return 'het doel is alleen-lezen';
  if (code === 'EIO') return 'schrijffout van de schijf';
  if (code === 'EFBIG') return 'het uitvoerbestand wordt te groot';
  if (code === 'EACCES' || code === 'EPERM') return 'geen toegang tot het doel';
  return code ? `systeemfout ${code}` : 'onbekende fout';
}

/**
 * The process around `main`: writes its result, and makes every failure around it one Dutch line.
 * A reader that closes the pipe early (`| head`) ends the run quietly with the exit code the
 * findings gave (or 0 when nothing was found yet); any other write failure of stdout (a full
 * disk) is one Dutch line on stderr and exit code 2; an error no command caught is one line
 * "interne fout", exit 2. Never a stack trace.
 */
function runProcess(): void {
  let stdoutFailed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (stdoutFailed) return;
    stdoutFailed = true;
    if (e?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    writeErr(`antwoordbrief: kan de uitvoer niet schrijven: ${outputFailure(e)}`);
    process.exit(2);
  });
  // Nowhere left to say anything: a closed or failing stderr is ignored.
  process.stderr.on('error', () => undefined);
  const internal = (e: unknown) => {
    const msg = e instanceof Error ? e.message : String(e);
    writeErr(`antwoordbrief: interne fout: ${clip(msg.split('\n')[0], 200)}`);
    process.exit(2);
  };
  process.on('uncaughtException', internal);
  process.on('unhandledRejection', internal);
  main(process.argv.slice(2)).then((r) => {
    process.exitCode = r.code;
    if (r.stdout) process.stdout.write(r.stdout);
    for (const line of r.stderr) writeErr(line.startsWith('antwoordbrief') ? line : `antwoordbrief: ${line}`);
  }, internal);
}

function writeErr(line: string): void {
  try {
    process.stderr.write(line + '\n');
  } catch {
    // stderr is gone too.
  }
}

// The bundle is the program (bin/antwoordbrief.js requires it), so it always runs. As the server
// does (host/heap.ts): checking a dense letter makes garbage fast, and with V8's own growth policy
// the heap grew to 150 MB for a letter of 0.8 MB before it was collected (issue 10: peak
// <= 100 MB + 15 x the letter's size).
limitHeapGrowth();
runProcess();
