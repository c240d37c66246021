import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';

/** The part of JSON Schema the scaling API's contract uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

export type WriteMethod = 'post' | 'put' | 'patch' | 'delete';
const WRITE_METHODS: WriteMethod[] = ['post', 'put', 'patch', 'delete'];

/** A write endpoint of the contract, with its `$ref`s resolved. */
export interface WriteOperation {
  operationId: string;
  method: WriteMethod;
  /** The contract's path, e.g. `/entities/{kind}/{namespace}/{name}/scale`. */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, any>>;
}

/** The scaling backend's OpenAPI contract, read from its source so that new endpoints are fuzzed as they appear. */
export const SCALING_SPEC_FILE = path.resolve(
  __dirname,
  '../../../../../plugins/scaling-backend/src/schema/openapi.yaml',
);

function resolveRef(document: OpenApiDocument, ref: string): any {
  const [, section, name] = ref.replace(/^#\//, '').split('/');
  return document.components[section][name];
}

/** Inlines every `$ref`; the contract's write bodies are not recursive. */
function resolved<T>(document: OpenApiDocument, node: T, depth = 0): T {
  if (depth > 20 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) {
    return node.map(item => resolved(document, item, depth + 1)) as T;
  }
  const ref = (node as { $ref?: string }).$ref;
  if (ref) return resolved(document, resolveRef(document, ref), depth + 1);
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      resolved(document, value, depth + 1),
    ]),
  ) as T;
}

export function readScalingSpec(file = SCALING_SPEC_FILE): OpenApiDocument {
  return yaml.load(fs.readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Every POST, PUT, PATCH and DELETE of the contract. */
export function writeOperations(
  document: OpenApiDocument = readScalingSpec(),
): WriteOperation[] {
  return Object.entries(document.paths).flatMap(([apiPath, item]) =>
    WRITE_METHODS.filter(method => item[method]).map(method => {
      const operation = resolved(document, item[method]);
      const parameters: Parameter[] = resolved(document, [
        ...(item.parameters ?? []),
        ...(operation.parameters ?? []),
      ]);
      return {
        operationId: operation.operationId,
        method,
        path: apiPath,
        pathParams: parameters.filter(p => p.in === 'path'),
        queryParams: parameters.filter(p => p.in === 'query'),
        body: operation.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );
}
