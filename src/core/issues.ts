import type { z } from 'zod';

/** The first problem a schema found, as "where" and "what", for an error a person can act on. */
export function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'invalid' };
  return { path: issue.path.map(String).join('.'), message: issue.message };
}

export function describeIssue(error: z.ZodError): string {
  const { path, message } = firstIssue(error);
  return path ? `${path}: ${message}` : message;
}
