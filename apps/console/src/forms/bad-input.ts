import type { Context } from 'hono';
import type { z } from 'zod';

/** A request the console cannot act on (missing or malformed field): a 400 page naming each problem. */
export class BadInput extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'BadInput';
    this.problems = problems;
  }
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(form)'}: ${i.message}`);
}

/** Validate a form body (urlencoded or multipart); throws BadInput. */
export async function parseForm<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: Record<string, unknown>;
  try {
    body = (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    throw new BadInput(['the body is not a form (application/x-www-form-urlencoded or multipart/form-data)']);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new BadInput(problemsOf(result.error));
  return result.data as z.infer<S>;
}

/** Validate the query string; throws BadInput. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw new BadInput(problemsOf(result.error));
  return result.data as z.infer<S>;
}

/** Validate a JSON body; throws BadInput. */
export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new BadInput(['the body is not JSON']);
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new BadInput(problemsOf(result.error));
  return result.data as z.infer<S>;
}
