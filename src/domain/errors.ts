/**
 * The project's own error for bad data or input: it always names where the problem is, so that a person can
 * fix the file. The CLI turns it into exit code 2.
 */
export class InputError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, where: { file?: string; line?: number; field?: string } = {}) {
    const loc = [where.file, where.line !== undefined ? `line ${where.line}` : undefined, where.field ? `field ${where.field}` : undefined]
      .filter(Boolean)
      .join(', ');
    super(loc ? `${loc}: ${message}` : message);
    this.name = 'InputError';
    this.file = where.file;
    this.line = where.line;
    this.field = where.field;
  }
}

/** A request that cannot be served because of how it was asked (unknown option value, missing argument): exit 1. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A request refused because of who asks, not what is asked (a role may not do this): HTTP 403, CLI exit 1. */
export class PermissionError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'PermissionError';
  }
}
