// One readable line for the first problem zod found in a waiver file or saved report, with its path (`waivers[1].expires`).
import type { z } from 'zod';

export function pathLabel(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

export function firstIssueLine(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  if (!issue) return fallback;
  const path = pathLabel(issue.path);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}
