import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with the HTTP answer it deserves: a machine code and a message a shop's engineer can act on. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** More fields of the error object (the rules admin routes' `errors` and `lint`). */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: ContentfulStatusCode, code: string, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = options?.details;
  }
}
