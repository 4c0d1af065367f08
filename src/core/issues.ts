// One readable line for the first problem zod found in a waiver file or saved report, with its path (`waivers[1].expires`).
import type { z } from 'zod';

export function pathLabel(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/**
 * The first problem in plain words, and where: a misspelt key is named first, since it also explains the key it
 * leaves missing (`expiry` for `expires`); `allowedKeys` lists what an entry may hold.
 */
export function firstIssue(error: z.ZodError, allowedKeys?: readonly string[]): { path: string; message: string } | undefined {
  const issue = error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0];
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
