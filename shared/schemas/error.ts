import { z } from 'zod';

/** The one error shape of every Snapdesk API: `{ error: { code, message, issues? } }`. */
export const apiIssue = z.object({ path: z.string(), message: z.string() });
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(apiIssue).optional(),
  }),
});

export type ApiIssue = z.infer<typeof apiIssue>;
export type ApiError = z.infer<typeof apiError>;

/** Turns zod's issues into `{ path: "components.ab12cd34ef56", message }` pairs a person can act on. */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  const pathOf = (path: PropertyKey[]) => path.map(String).join('.') || '(body)';
  return error.issues.flatMap((issue) =>
    // One issue per unknown field, at the field itself, so the path names what to remove.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'is not a known field' }))
      : [{ path: pathOf(issue.path), message: issue.message }],
  );
}

/** One line naming every field that is wrong, for the `message` of the error shape. */
export function summariseIssues(issues: ApiIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
