// The command line: parses arguments, runs a command and returns its exit code (only bin/ sets process.exitCode).
import { Command, CommanderError, Option } from 'commander';
import { REGIONS } from '../core/calendar.js';
import { KnownError, UsageError } from '../core/errors.js';
import { terminalText } from '../core/safe-text.js';
import { VERSION } from '../core/version.js';
import { COMPARISON_FORMAT_NAMES } from '../formatters/comparison.js';
import { FORMAT_NAMES } from '../formatters/index.js';
import { DEFAULT_WIDTH } from '../formatters/table.js';
import { MAX_JOBS } from '../pipeline/parallel.js';
import { collect, MAX_PASSES } from './arguments.js';
import { EXIT, type CliIo } from './io.js';
import { audit, FAIL_ON, type AuditOptions } from './audit.js';
import { compare, type CompareOptions } from './compare.js';
import { renderIntegrityPage, renderStandardPage } from './explain.js';
import { preflightCommand, type PreflightOptions } from './preflight.js';
import { DEFAULT_SAMPLE_ROWS } from '../engine/preflight-values.js';
import { renderStandardsList } from './standards.js';
import { INPUT_OPTION_HELP } from '../read/options.js';
import { findStandard } from '../../checks/index.js';

export { discardUncommitted } from './output.js';
export type { CliIo, OutputStream } from './io.js';
export { EXIT } from './io.js';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('practice-audit')
    .description("Audit children's social care case-record exports against practice standards for work with parents.")
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Commander's own error text is replaced by one line of ours (see runCli).
      writeErr: () => undefined,
      outputError: () => undefined,
    });

  program
    .command('audit')
    .description('run the standards over an export (a folder of CSV files, CSV files, JSON or NDJSON)')
    .argument('<path...>', 'export folder or files')
    .addOption(new Option('-f, --format <name>', `report format: ${FORMAT_NAMES.join(', ')} (repeat with -o for several)`).argParser(collect).default([]))
    .addOption(new Option('-o, --output <file>', 'write the report to a file, whole or not at all (repeatable)').argParser(collect).default([]))
    .option('--as-of <date>', 'audit date for deadlines (default: today)')
    .option('--from <date>', 'audit period start: only findings dated on or after it')
    .option('--to <date>', 'audit period end: only findings dated on or before it')
    .option('-c, --config <file>', 'configuration file (JSON): severities, options, region')
    .option('--only <ids>', 'comma-separated standards to run')
    .option('--fail-on <level>', `exit 1 on findings at or above: ${FAIL_ON.join(', ')} (new: new errors since --baseline)`, 'error')
    .option('--require-assessed', 'exit 1 when a selected standard is partly or not assessed (a table or column it needs is absent)')
    .option('--waivers <file>', 'accepted breaches (JSON): reported as waived, never fail the run')
    .option('--baseline <report.json>', 'an earlier JSON report: mark findings new or known, list resolved breaches')
    .option('--region <name>', `bank holidays: ${REGIONS.join(', ')} (default england-and-wales)`)
    .option('--group-by <key>', 'compliance breakdown in human formats: team or worker', 'team')
    .option('-q, --quiet', 'no progress on standard error')
    .option('--width <n>', `columns the table format fits (default: the terminal's width; ${DEFAULT_WIDTH} in a file, pipe or log)`)
    .option('--jobs <n>', `worker threads for a CSV export, each auditing its share of the cases (default 1: this thread; up to ${MAX_JOBS})`)
    .option('--mapping <file>', INPUT_OPTION_HELP.mapping)
    .option('--encoding <name>', INPUT_OPTION_HELP.encoding)
    .option('--delimiter <char>', INPUT_OPTION_HELP.delimiter)
    .option('--strict-inputs', 'exit 2 when an input is skipped (a lock file, a file type not read, an earlier report, a workbook of no table)')
    .option('--passes <n>', `passes over disjoint sets of cases, one after another, so a CSV export larger than memory is audited in parts (default auto: from the inputs' size and the heap; up to ${MAX_PASSES})`)
    .option('--no-memory-check', "audit even when the inputs' size says the audit will not fit Node's heap")
    .action(async (paths: string[], options: AuditOptions) => setExit(await audit(paths, options, io)));

  program
    .command('preflight')
    .description('before an audit: the tables and columns the inputs offer, what their first rows hold, and which standards will be assessed')
    .argument('<path...>', 'export folder or files')
    .option('--strict-inputs', 'exit 2 when an input is skipped (a lock file, a file type not read, an earlier report)')
    .option('--mapping <file>', INPUT_OPTION_HELP.mapping)
    .option('-c, --config <file>', 'configuration file (JSON): standards switched off, mapping')
    .option('--only <ids>', 'comma-separated standards to consider')
    .option('-f, --format <name>', 'table or json', 'table')
    .option('--encoding <name>', INPUT_OPTION_HELP.encoding)
    .option('--delimiter <char>', INPUT_OPTION_HELP.delimiter)
    .option('--sample-rows <n>', `rows of each delimited file or sheet read for the look at values (default ${DEFAULT_SAMPLE_ROWS})`)
    .option('--all-rows', 'read every row of each delimited file or sheet for the look at values')
    .action(async (paths: string[], options: PreflightOptions) => setExit(await preflightCommand(paths, options, io)));

  program
    .command('compare')
    .description('compare two JSON reports: compliance then and now per standard and team, breaches resolved and new')
    .argument('<old.json>', 'the earlier report (audit -f json)')
    .argument('<new.json>', 'the later report')
    .option('-f, --format <name>', `${COMPARISON_FORMAT_NAMES.join(', ')}`, 'table')
    .option('-o, --output <file>', 'write to a file, whole or not at all')
    .option('--fail-on <level>', 'never (default), or new: exit 1 when the later report has new unwaived errors', 'never')
    .action(async (older: string, newer: string, options: CompareOptions) => {
      const { code, text } = await compare(older, newer, options, io);
      if (text !== null) io.stdout.write(text);
      setExit(code);
    });

  program
    .command('standards')
    .description('list every standard: id, severity, title, source')
    .option('--json', 'as JSON')
    .action((options: { json?: boolean }) => {
      io.stdout.write(renderStandardsList(options.json === true));
      setExit(EXIT.ok);
    });

  program
    .command('explain')
    .description('the standard in full: rule, source text, data it needs, options')
    .argument('<id>', 'standard id (see `practice-audit standards`)')
    .action((id: string) => {
      const standard = findStandard(id);
      if (!standard) throw new UsageError(`unknown standard "${id}"`, {}, 'an id listed by `practice-audit standards`');
      io.stdout.write(standard.kind === 'check' ? renderStandardPage(standard.check) : renderIntegrityPage(standard.standard));
      setExit(EXIT.ok);
    });

  return program;
}

/** Runs the command line and returns the exit code: 0 clean, 1 findings, 2 the run could not be done. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      // No command is a usage mistake (a scheduled job with a broken command line must not pass).
      io.stderr.write(program.helpInformation());
      return EXIT.failure;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      io.stderr.write(`practice-audit: ${terminalText(error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))} (see --help)\n`);
      return EXIT.failure;
    }
    if (error instanceof KnownError) {
      // A file name, waiver id or mapping value in the line could hold terminal escapes: they are shown, not sent.
      io.stderr.write(`practice-audit: ${terminalText(error.toLine())}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}
