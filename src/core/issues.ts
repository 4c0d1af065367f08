// One readable line for the first problem zod found in a waiver file or saved report, with its path (`waivers[1].expires`).
import type { z } from 'zod';

export function pathLabel(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * An issue of a union (a standard's setting is a severity, a boolean or an object; a mapping's source is one file or
 * a list) says only "Invalid input": the branch that got furthest into the value, its issue deepest, is the one the
 * value was meant for, and says why. A branch that failed only on the value's type at the union itself is passed over.
 */
function withinUnion(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): z.core.$ZodIssue {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return { ...issue, path } as z.core.$ZodIssue;
  const candidates = issue.errors.flatMap((branch) => branch.map((inner) => withinUnion(inner, path)));
  const typeOnly = (candidate: z.core.$ZodIssue) => candidate.code === 'invalid_type' && candidate.path.length === path.length;
  const best = candidates.filter((candidate) => !typeOnly(candidate)).sort((a, b) => b.path.length - a.path.length)[0];
  return best ?? ({ ...issue, path } as z.core.$ZodIssue);
}

/**
 * The first problem in plain words, and where: a misspelt key is named first, since it also explains the key it
 * leaves missing (`expiry` for `expires`); `allowedKeys` lists what an entry may hold.
 */
export function firstIssue(error: z.ZodError, allowedKeys?: readonly string[]): { path: string; message: string } | undefined {
  const issues = error.issues.map((candidate) => withinUnion(candidate));
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0];
  if (!issue) return undefined;
  const path = pathLabel(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    const allowed = allowedKeys === undefined ? '' : ` (expected ${allowedKeys.join(', ')})`;
    return { path, message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${allowed}` };
  }
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return { path, message: `missing (expected ${issue.expected === 'string' ? 'text' : issue.expected})` };
  }
  return { path, message: issue.message };
}

export function firstIssueLine(error: z.ZodError, fallback: string, allowedKeys?: readonly string[]): string {
  const issue = firstIssue(error, allowedKeys);
  if (issue === undefined) return fallback;
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}
