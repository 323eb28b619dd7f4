import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error with the HTTP answer it deserves: a machine code and a message a shop's engineer can act on. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;

  constructor(status: ContentfulStatusCode, code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
  }
}
