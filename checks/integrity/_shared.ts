// Words the data-integrity standards' messages share.

/** How every message of a row left out begins, after the table's name. */
export const LEFT_OUT = 'row left out of the audit';
