import { InputError } from '@backstage/errors';
import express, { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { spec } from '../schema/openapi';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
};

/** Body parser failures come with parser jargon and no field; say which part of the request is wrong. */
function bodyError(error: any, limit: string): unknown {
  if (error?.type === 'entity.parse.failed') {
    return new InputError(
      `The request body must be a JSON object or array: ${error.message}`,
    );
  }
  if (error?.type === 'entity.too.large') {
    return new InputError(
      `The request body is too large: larger than ${limit}`,
    );
  }
  return error;
}

/** `express.json`, with its failures told in the API's words. */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, error => (error ? next(bodyError(error, limit)) : next()));
}

function resolve(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  const [, section, name] = schema.$ref.replace(/^#\//, '').split('/');
  const components = spec.components as Record<string, Record<string, Schema>>;
  return resolve(components[section]?.[name]);
}

/** The properties of the object at `path` of the body that its schema does not declare. */
function undeclaredProperties(req: Request, path: string[]): string[] {
  const operation = (
    req as Request & {
      openapi?: {
        schema?: {
          requestBody?: {
            content?: Record<string, { schema?: Schema }>;
          };
        };
      };
    }
  ).openapi?.schema;
  let schema = resolve(
    operation?.requestBody?.content?.['application/json']?.schema,
  );
  let value: unknown = req.body;
  for (const key of path) {
    schema = resolve(schema?.properties?.[key]);
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  if (!schema?.properties || !value || typeof value !== 'object') return [];
  const declared = schema.properties;
  return Object.keys(value).filter(key => !Object.hasOwn(declared, key));
}

const ADDITIONAL_PROPERTIES =
  /^request\/body((?:\/[^\s/]+)*) must NOT have additional properties$/;

/**
 * The contract validator says an object has properties it does not allow, but not which; name
 * them, so that a client can tell what to drop.
 */
export const undeclaredPropertyErrors: ErrorRequestHandler = (
  error,
  req,
  _res,
  next,
) => {
  // By name: the validator throws the InputError of its own copy of @backstage/errors.
  const match =
    error?.name === 'InputError' &&
    ADDITIONAL_PROPERTIES.exec(String(error.message));
  const names = match
    ? undeclaredProperties(req, match[1].split('/').filter(Boolean))
    : [];
  next(
    names.length
      ? new InputError(`${error.message}: ${names.join(', ')}`)
      : error,
  );
};
