// The formatter contract: a pure function from the report (and display options) to the bytes of one format.
import type { Report } from '../core/report.js';

export interface FormatOptions {
  /** ANSI colour allowed (the CLI decides: TTY and no NO_COLOR). */
  readonly color: boolean;
  /** Breakdown of compliance rates in human formats; default 'team'. */
  readonly groupBy?: 'team' | 'worker';
}

export type Formatter = (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;
