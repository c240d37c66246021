/**
 * Kubernetes `Status` errors, built once here with the API server's reasons, codes and messages.
 * The store, the API layer and the controllers all throw these; the HTTP layer writes them as-is.
 */

export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'Timeout'
  | 'InternalError'
  | 'ServiceUnavailable';

export type CauseType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueDuplicate'
  | 'FieldValueTypeInvalid'
  | 'FieldValueTooLong';

export interface StatusCause {
  reason: CauseType;
  message: string;
  field: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason: StatusReason | '';
  details?: StatusDetails;
  code: number;
}

export class StatusError extends Error {
  readonly status: Status;

  constructor(
    code: number,
    reason: StatusReason,
    message: string,
    details?: StatusDetails,
  ) {
    super(message);
    this.name = 'StatusError';
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details ? { details } : {}),
      code,
    };
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): StatusReason | '' {
    return this.status.reason;
  }
}

/** Identifies a resource in messages the way the API server does: `deployments.apps "web"`. */
export interface ResourceRef {
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  /** API group, '' for core. */
  group: string;
}

function qualified(ref: ResourceRef): string {
  return ref.group ? `${ref.resource}.${ref.group}` : ref.resource;
}

export function successStatus(details?: StatusDetails): Status {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    message: '',
    reason: '',
    ...(details ? { details } : {}),
    code: 200,
  };
}

export const statusErrors = {
  notFound(ref: ResourceRef, name: string): StatusError {
    return new StatusError(
      404,
      'NotFound',
      `${qualified(ref)} "${name}" not found`,
      {
        name,
        group: ref.group,
        kind: ref.resource,
      },
    );
  },

  alreadyExists(ref: ResourceRef, name: string): StatusError {
    return new StatusError(
      409,
      'AlreadyExists',
      `${qualified(ref)} "${name}" already exists`,
      {
        name,
        group: ref.group,
        kind: ref.resource,
      },
    );
  },

  conflict(ref: ResourceRef, name: string, why?: string): StatusError {
    return new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(ref)} "${name}": ${
        why ??
        'the object has been modified; please apply your changes to the latest version and try again'
      }`,
      { name, group: ref.group, kind: ref.resource },
    );
  },

  invalid(
    kind: string,
    group: string,
    name: string,
    causes: StatusCause[],
  ): StatusError {
    const summary = causes.map(c => `${c.field}: ${c.message}`).join(', ');
    const list = causes.length > 1 ? `[${summary}]` : summary;
    const groupKind = group ? `${kind}.${group}` : kind;
    return new StatusError(
      422,
      'Invalid',
      `${groupKind} "${name}" is invalid: ${list}`,
      {
        name,
        group,
        kind,
        causes,
      },
    );
  },

  badRequest(message: string): StatusError {
    return new StatusError(400, 'BadRequest', message);
  },

  unauthorized(): StatusError {
    return new StatusError(401, 'Unauthorized', 'Unauthorized');
  },

  forbidden(
    ref: ResourceRef,
    name: string | undefined,
    verb: string,
    user: string,
    why = '',
  ): StatusError {
    const target = name ? `${qualified(ref)} "${name}"` : qualified(ref);
    const scope = ref.group ? `in API group "${ref.group}"` : 'in API group ""';
    return new StatusError(
      403,
      'Forbidden',
      `${target} is forbidden: User "${user}" cannot ${verb} resource "${
        ref.resource
      }" ${scope}${why ? `: ${why}` : ''}`,
      { name, group: ref.group, kind: ref.resource },
    );
  },

  methodNotAllowed(
    message = 'the server does not allow this method on the requested resource',
  ): StatusError {
    return new StatusError(405, 'MethodNotAllowed', message);
  },

  notAcceptable(message: string): StatusError {
    return new StatusError(406, 'NotAcceptable', message);
  },

  unsupportedMediaType(accepted: readonly string[]): StatusError {
    return new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
        ', ',
      )}`,
    );
  },

  expired(resourceVersion: number | string): StatusError {
    return new StatusError(
      410,
      'Expired',
      `too old resource version: ${resourceVersion}`,
    );
  },

  pathNotFound(): StatusError {
    return new StatusError(
      404,
      'NotFound',
      'the server could not find the requested resource',
    );
  },

  internal(message: string): StatusError {
    return new StatusError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
    );
  },
};

/** Field errors worded as upstream's `field.ErrorList` (the cause message is `ErrorBody()`). */
export const fieldErrors = {
  invalid(field: string, value: unknown, detail: string): StatusCause {
    return {
      reason: 'FieldValueInvalid',
      field,
      message: `Invalid value: ${formatValue(value)}: ${detail}`,
    };
  },
  required(field: string, detail = ''): StatusCause {
    return {
      reason: 'FieldValueRequired',
      field,
      message: `Required value${detail ? `: ${detail}` : ''}`,
    };
  },
  notSupported(
    field: string,
    value: unknown,
    supported: readonly string[],
  ): StatusCause {
    return {
      reason: 'FieldValueNotSupported',
      field,
      message: `Unsupported value: ${formatValue(
        value,
      )}: supported values: ${supported.map(v => `"${v}"`).join(', ')}`,
    };
  },
  /** A custom resource's field of the wrong JSON type, as its CRD's schema validation words it. */
  typeInvalid(field: string, value: unknown, expected: string): StatusCause {
    const actual = jsonTypeOf(value);
    return {
      reason: 'FieldValueTypeInvalid',
      field,
      message: `Invalid value: "${actual}": ${field} in body must be of type ${expected}: "${actual}"`,
    };
  },
  forbidden(field: string, detail: string): StatusCause {
    return {
      reason: 'FieldValueForbidden',
      field,
      message: `Forbidden: ${detail}`,
    };
  },
};

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'number';
  return typeof value;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value) ?? 'null';
}

export function isStatusError(error: unknown): error is StatusError {
  return error instanceof StatusError;
}
