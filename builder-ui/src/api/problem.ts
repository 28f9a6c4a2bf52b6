/** One field the server (or the client's own check) refused, named by its path, e.g. `widgets[0].config.query`. */
export interface FieldError {
  field: string;
  message: string;
  /** Warnings are shown but do not block a save. */
  severity?: 'error' | 'warning';
}

/** An RFC 7807 problem answer, as every Flexboard service sends it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
  ) {
    super(detail || title);
  }

  /** The slug of `https://flexboard.io/problems/<slug>`. */
  get slug(): string {
    return this.type.substring(this.type.lastIndexOf('/') + 1);
  }

  get isStaleEdit(): boolean {
    return this.status === 412;
  }

  static async from(response: Response): Promise<ApiProblem> {
    let body: Record<string, unknown> = {};
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not JSON (a proxy's error page): the status line is all there is.
    }
    const errors = Array.isArray(body.errors)
      ? (body.errors as { field?: unknown; message?: unknown }[]).map((e) => ({
          field: String(e.field ?? ''),
          message: String(e.message ?? ''),
        }))
      : [];
    const field = typeof body.field === 'string' ? body.field : undefined;
    if (errors.length === 0 && field && typeof body.detail === 'string') {
      errors.push({ field, message: body.detail });
    }
    return new ApiProblem(
      response.status,
      String(body.type ?? 'about:blank'),
      String(body.title ?? response.statusText),
      String(body.detail ?? ''),
      errors,
    );
  }
}

/** A failure that never reached a server answer (network down, stack stopped). */
export class NetworkFailure extends Error {}

/** What to tell the admin about a failure in one sentence. */
export function describe(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.errors.length > 0) {
      return error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    }
    return error.detail || error.title;
  }
  if (error instanceof NetworkFailure) {
    return 'The control plane cannot be reached. Is the stack running?';
  }
  return error instanceof Error ? error.message : String(error);
}
