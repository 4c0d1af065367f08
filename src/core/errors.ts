// Typed known errors: a user's mistake (bad arguments, input or config) becomes one clear line and exit 2.

export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
}

/** An error the user can fix. The CLI prints `practice-audit: <where>: <message>` and exits 2, no stack. */
export class KnownError extends Error {
  constructor(
    message: string,
    readonly where: ErrorLocation = {},
    /** What would have been accepted, e.g. `a date as YYYY-MM-DD or DD/MM/YYYY`. */
    readonly expected?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The one line printed for the user. */
  toLine(): string {
    const { file, line, column } = this.where;
    const place = file ? `${file}${line !== undefined ? `:${line}` : ''}${column ? ` · ${column}` : ''}: ` : '';
    return `${place}${this.message}${this.expected ? ` (expected ${this.expected})` : ''}`;
  }
}

/** The command line itself is wrong: unknown option, bad option value, missing argument. */
export class UsageError extends KnownError {}

/** An input file cannot be read or understood as a whole (unreadable, malformed CSV/JSON, missing column). */
export class InputError extends KnownError {}

/** The configuration, mapping, waiver or baseline file is invalid. */
export class ConfigError extends KnownError {}

/** A report file cannot be written (a folder that does not exist, no permission, a full disk): the inputs were fine. */
export class OutputError extends KnownError {}
