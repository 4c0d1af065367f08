// Which clauses of a standard the input lets it judge: a clause needing a column the export lacks is not judged.
import type { Clause } from '../../checks/types.js';
import type { TableName } from '../model/types.js';

/** What a rule's clauses are read from: a check's metadata, or the part of it the pre-flight has. */
export interface RuleOf {
  readonly meta: {
    readonly title: string;
    readonly reads: Clause['reads'];
    readonly clauses?: readonly Clause[] | undefined;
    readonly messages?: Readonly<Record<string, string>>;
  };
}

/** The rule's clauses: its own, or one clause needing every column it reads and owning every message. */
export function clausesOf(check: RuleOf): readonly Clause[] {
  return (
    check.meta.clauses ?? [
      { id: 'rule', requirement: check.meta.title, reads: check.meta.reads, messageIds: Object.keys(check.meta.messages ?? {}) },
    ]
  );
}

export interface ClauseJudgement {
  /** Absent columns the standard's clauses need, as `table.column`, in the order the clauses name them. */
  readonly absentColumns: readonly string[];
  /** The clauses left unjudged. */
  readonly unjudged: readonly Clause[];
  readonly judges: (clauseId: string) => boolean;
  /** Message ids whose findings rest on an unjudged clause alone: the engine leaves them out. */
  readonly droppedMessages: ReadonlySet<string>;
}

/** Judges every clause against the columns the input has (`hasColumn`: present in at least one input of its table). */
export function judgeClauses(check: RuleOf, hasColumn: (table: TableName, column: string) => boolean): ClauseJudgement {
  const absentColumns: string[] = [];
  const unjudged: Clause[] = [];
  for (const clause of clausesOf(check)) {
    let judged = true;
    for (const [table, columns] of Object.entries(clause.reads) as [TableName, readonly string[]][]) {
      for (const column of columns) {
        if (hasColumn(table, column)) continue;
        judged = false;
        const name = `${table}.${column}`;
        if (!absentColumns.includes(name)) absentColumns.push(name);
      }
    }
    if (!judged) unjudged.push(clause);
  }
  const unjudgedIds = new Set(unjudged.map((clause) => clause.id));
  return {
    absentColumns,
    unjudged,
    judges: (clauseId) => !unjudgedIds.has(clauseId),
    droppedMessages: new Set(unjudged.flatMap((clause) => clause.messageIds ?? [])),
  };
}
