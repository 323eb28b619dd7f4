/** The body as JSON or a form when it is one; undefined otherwise (the raw text is kept anyway). */
export function parseBody(body: string, contentType: string | undefined): unknown {
  if (!body) return undefined;
  const type = contentType ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
