// Every option of every command is documented where options are: the README, and for the pre-flight docs/INPUT.md too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** What `practice-audit [command] --help` prints. */
async function help(...command: string[]): Promise<string> {
  let stdout = '';
  const status = await runCli([...command, '--help'], {
    stdout: { write: (chunk) => (stdout += String(chunk)) },
    stderr: { write: () => undefined },
    env: {},
    today: () => '2026-10-31',
  });
  expect(status).toBe(0);
  return stdout;
}

/** The options a help text lists, each as its spellings (`-f`, `--format`); commander's own --help and --version apart. */
const optionsOf = (text: string): string[][] =>
  [...text.matchAll(/^ {2}(?:(-\w), )?(--[a-z][a-z-]*)/gm)]
    .map((match) => [match[1], match[2]].filter((flag): flag is string => flag !== undefined))
    .filter(([first]) => first !== '-h' && first !== '-V');

/** Whether the text names the option by one of its spellings, as a whole word (`--to` is not `--tokens`). */
const names = (text: string, spellings: readonly string[]): boolean =>
  spellings.some((flag) => new RegExp(`(?<![\\w-])${flag}(?![\\w-])`).test(text));

describe('options are documented', () => {
  it('every option of every command is in the README', async () => {
    const commands = [...(await help()).matchAll(/^ {2}([a-z]+) /gm)].map((match) => match[1] as string).filter((name) => name !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['audit', 'preflight']));
    const readme = read('README.md');
    for (const command of commands) {
      for (const option of optionsOf(await help(command))) {
        expect(names(readme, option), `README.md does not document ${command} ${option.join(', ')}: add it where ${command}'s options are listed`).toBe(true);
      }
    }
  });

  it('every option of the pre-flight is in docs/INPUT.md\'s pre-flight section', async () => {
    const input = read('docs/INPUT.md');
    const section = input.slice(input.indexOf('## Pre-flight'), input.indexOf('\n## ', input.indexOf('## Pre-flight') + 1));
    for (const option of optionsOf(await help('preflight'))) {
      expect(names(section, option), `docs/INPUT.md's Pre-flight section does not name ${option.join(', ')}`).toBe(true);
    }
  });
});
