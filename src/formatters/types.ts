// The formatter contract: a pure function from the report (and display options) to the bytes of one format.
import type { Report } from '../core/report.js';

export interface FormatOptions {
  /** ANSI colour allowed (the CLI decides: TTY and no NO_COLOR). */
  readonly color: boolean;
  /** Breakdown of compliance rates in human formats; default 'team'. */
  readonly groupBy?: 'team' | 'worker';
  /**
   * Columns the table format must fit (the CLI decides: --width, else the terminal's, else 80); the other
   * formats ignore it. Default 80.
   */
  readonly width?: number;
}

export type Formatter = (report: Report, options: FormatOptions) => string | Promise<string | Uint8Array>;
