/** Named errors with a stable code and an HTTP status; turned into messages and responses in one place. */
export class ChronicleError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that cannot be read: names the file (or item) and says what is wrong with it. */
export class BadInputError extends ChronicleError {
  constructor(
    readonly origin: string,
    readonly reason: string,
  ) {
    super(`${origin}: ${reason}`, 'bad_input', 400);
  }
}

/** A request or argument that fails validation. */
export class ValidationError extends ChronicleError {
  constructor(message: string) {
    super(message, 'invalid', 400);
  }
}

export class NotFoundError extends ChronicleError {
  constructor(what: string) {
    super(`${what} not found`, 'not_found', 404);
  }
}

export class ConflictError extends ChronicleError {
  constructor(message: string) {
    super(message, 'conflict', 409);
  }
}

export class UnauthorizedError extends ChronicleError {
  constructor(message = 'login required') {
    super(message, 'unauthorized', 401);
  }
}

export class ForbiddenError extends ChronicleError {
  constructor(message = 'not allowed') {
    super(message, 'forbidden', 403);
  }
}
