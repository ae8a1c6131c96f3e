/**
 * Errors a handler raises on purpose; the error handler turns them into `{ error, message, field }` responses.
 * The message says what was wrong and what to send instead.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    /** The request field at fault (`q`, `region`, `id`, `body`). */
    readonly field?: string,
  ) {
    super(message);
  }
}

export class BadRequestError extends HttpError {
  constructor(field: string, message: string) {
    super(400, message, field);
  }
}

export class NotFoundError extends HttpError {
  constructor(field: string, message: string) {
    super(404, message, field);
  }
}
