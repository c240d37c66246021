import fc from 'fast-check';
import { ApiRequest, buildRequest, RequestParts } from './requests';
import { Parameter, Schema, WriteOperation } from './spec';

/** A request that is wrong in one place, and the name the answer must give that place. */
export interface BadInput {
  operationId: string;
  /** What was spoiled, e.g. `body.workload.name: wrong type`. */
  description: string;
  /** The field, parameter or limit the error message must name; matched as a word. */
  names: string;
  /**
   * False for a stress input the contract does not rule out (a huge string where it sets no
   * limit): any answer but a 5xx will do.
   */
  mustRefuse: boolean;
  request: ApiRequest;
}

/** Fields of free-form bodies that may be left out; every other field of a known body is needed. */
const OPTIONAL_FIELDS: Record<string, string[]> = {
  CreateAlertRule: ['region', 'description', 'window'],
  UpdateAlertRule: ['region', 'description', 'window'],
  CreateMaintenanceWindow: ['region'],
};

const UNKNOWN_REGION = 'mars-north-1';
const UNKNOWN_ENTITY = 'reliability-no-such-service';
const REGION_FIELDS = /^(regions?|clusters?)$/;

/** One field of a body: where it is, its contract (if the contract says) and its well-formed value. */
interface BodyField {
  path: string[];
  schema?: Schema;
  value: unknown;
  required: boolean;
}

function bodyFields(
  operationId: string,
  schema: Schema | undefined,
  value: unknown,
  path: string[] = [],
): BodyField[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [];
  }
  const freeForm = !schema?.properties;
  return Object.entries(value).flatMap(([key, child]) => {
    const childSchema = schema?.properties?.[key];
    const required = freeForm
      ? !(OPTIONAL_FIELDS[operationId] ?? []).includes(key)
      : Boolean(schema?.required?.includes(key));
    const field = {
      path: [...path, key],
      schema: childSchema,
      value: child,
      required,
    };
    return [field, ...bodyFields(operationId, childSchema, child, field.path)];
  });
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

/** Values of every JSON type but the field's own. */
function wrongTypes(field: BodyField): fc.Arbitrary<unknown> {
  const expected = field.schema?.type ?? typeOf(field.value);
  const candidates: Array<[string, fc.Arbitrary<unknown>]> = [
    ['string', fc.string({ maxLength: 20 })],
    ['number', fc.double({ noNaN: true, noDefaultInfinity: true })],
    ['boolean', fc.boolean()],
    ['object', fc.dictionary(fc.string({ maxLength: 5 }), fc.integer())],
    ['array', fc.array(fc.integer(), { maxLength: 3 })],
    ['null', fc.constant(null)],
  ];
  const numeric = expected === 'integer' || expected === 'number';
  return fc.oneof(
    ...candidates
      .filter(([type]) => type !== expected && !(numeric && type === 'number'))
      .map(([, arbitrary]) => arbitrary),
  );
}

/** Numbers the field's range or integrality rules out. */
function outOfRange(schema: Schema): fc.Arbitrary<number> | undefined {
  const options: fc.Arbitrary<number>[] = [];
  if (schema.minimum !== undefined) {
    options.push(fc.integer({ min: -1e9, max: schema.minimum - 1 }));
  }
  if (schema.maximum !== undefined) {
    options.push(fc.integer({ min: schema.maximum + 1, max: 1e12 }));
  }
  if (schema.type === 'integer') {
    options.push(
      fc
        .double({ min: 0.01, max: 1e6, noNaN: true })
        .filter(n => !Number.isInteger(n)),
      fc.constant(Number.MAX_SAFE_INTEGER * 4),
    );
  }
  return options.length ? fc.oneof(...options) : undefined;
}

/** Strings longer than the contract allows, or far longer than any sensible value; under the body limit. */
const hugeString = (schema?: Schema) =>
  fc
    .integer({
      min: schema?.maxLength !== undefined ? schema.maxLength + 1 : 5_000,
      max: 40_000,
    })
    .map(length => 'x'.repeat(length));

/** Over the backend's 64 kB limit on request bodies. */
const OVERSIZED = 'x'.repeat(70_000);

function patternBreaker(pattern: string): fc.Arbitrary<string> {
  const regex = new RegExp(pattern);
  return fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        'a b',
        '../etc',
        'x'.repeat(400),
        'Ω≈ç',
        'a;b',
        '-',
        '*,*',
      ),
    )
    .filter(value => !regex.test(value));
}

function withField(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, any>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** Every way of spoiling one body field, each as (what, new value). */
type Spoiler = [what: string, value: unknown, mustRefuse?: boolean];

function fieldSpoilers(
  field: BodyField,
  freeForm: boolean,
): Array<fc.Arbitrary<Spoiler>> {
  const { schema, value } = field;
  const key = field.path[field.path.length - 1];
  const spoilers: Array<fc.Arbitrary<Spoiler>> = [
    wrongTypes(field).map(v => ['wrong type', v]),
  ];
  if (field.required) spoilers.push(fc.constant(['missing', undefined]));
  const range = schema && outOfRange(schema);
  if (range) spoilers.push(range.map(v => ['out of range', v]));
  if (typeof value === 'string') {
    if (schema?.enum) {
      spoilers.push(
        fc
          .string({ minLength: 1, maxLength: 12 })
          .filter(v => !schema.enum!.includes(v))
          .map(v => ['not one of its values', v]),
      );
    }
    if (schema?.pattern) {
      spoilers.push(
        patternBreaker(schema.pattern).map(v => ['against its pattern', v]),
      );
    }
    if (!schema?.enum) {
      // The domain model of a free-form body limits every string; the contract, only some.
      const limited = freeForm || schema?.maxLength !== undefined;
      spoilers.push(hugeString(schema).map(v => ['huge string', v, limited]));
    }
    if (schema?.minLength) spoilers.push(fc.constant(['empty', '']));
  }
  if (REGION_FIELDS.test(key)) {
    const unknown = /^cluster/.test(key)
      ? `meschain-${UNKNOWN_REGION}`
      : UNKNOWN_REGION;
    spoilers.push(
      fc.constant([
        'unknown region',
        Array.isArray(value) ? [unknown] : unknown,
      ]),
    );
  }
  if (key === 'team') {
    spoilers.push(
      fc
        .constantFrom(
          'group:default/no-such-team',
          'not a ref!',
          'user:default/guest',
          'group:',
        )
        .map(v => ['bad entity ref', v]),
    );
  }
  if (Array.isArray(value) && schema?.minItems) {
    spoilers.push(fc.constant(['empty list', []]));
  }
  return spoilers;
}

function bodyInputs(
  operation: WriteOperation,
  valid: RequestParts,
): Array<fc.Arbitrary<BadInput>> {
  const fields = bodyFields(operation.operationId, operation.body, valid.body);
  const freeForm = !operation.body?.properties;
  const spoiled = fields.flatMap(field =>
    fieldSpoilers(field, freeForm).map(spoiler =>
      spoiler.map(([what, value, mustRefuse = true]) => ({
        operationId: operation.operationId,
        description: `body.${field.path.join('.')}: ${what}`,
        names: field.path[field.path.length - 1],
        mustRefuse,
        request: buildRequest(operation, {
          ...valid,
          body: withField(valid.body, field.path, value),
        }),
      })),
    ),
  );
  const closedObjects = [
    { path: [] as string[], schema: operation.body },
    ...fields,
  ].filter(f => f.schema?.additionalProperties === false);
  const unexpected = closedObjects.map(field =>
    fc.constantFrom('reliabilityExtra', 'isAdmin', 'constructor').map(key => ({
      operationId: operation.operationId,
      description: `body${field.path
        .map(k => `.${k}`)
        .join('')}.${key}: not in the contract`,
      names: key,
      mustRefuse: true,
      request: buildRequest(operation, {
        ...valid,
        body: withField(valid.body, [...field.path, key], true),
      }),
    })),
  );
  const malformed = fc
    .constantFrom(
      '{',
      '{"a":',
      '[1,2',
      "{'single': 1}",
      'nul',
      '{"a":1}}',
      '\u0000',
    )
    .map(rawBody => ({
      operationId: operation.operationId,
      description: `body: malformed JSON ${JSON.stringify(rawBody)}`,
      names: 'JSON',
      mustRefuse: true,
      request: { ...buildRequest(operation, valid), body: undefined, rawBody },
    }));
  const notAnObject = fc
    .constantFrom<unknown>([], 'text', 42, null)
    .map(body => ({
      operationId: operation.operationId,
      description: `body: ${typeOf(body)} instead of an object`,
      names: 'body',
      mustRefuse: true,
      request: buildRequest(operation, { ...valid, body }),
    }));
  const oversized = fc.constant({
    operationId: operation.operationId,
    description: 'body: over the size limit',
    names: 'body',
    mustRefuse: true,
    request: buildRequest(operation, {
      ...valid,
      body: { ...(valid.body as object), padding: OVERSIZED },
    }),
  });
  return [...spoiled, ...unexpected, malformed, notAnObject, oversized];
}

function parameterInputs(
  operation: WriteOperation,
  valid: RequestParts,
): Array<fc.Arbitrary<BadInput>> {
  const spoil = (
    parameter: Parameter,
    value: string | undefined,
    what: string,
    expect: { names?: string; mustRefuse?: boolean } = {},
  ) => {
    const where = parameter.in === 'path' ? 'params' : 'query';
    const values = { ...valid[where] };
    if (value === undefined) delete values[parameter.name];
    else values[parameter.name] = value;
    return {
      operationId: operation.operationId,
      description: `${parameter.in} ${parameter.name}: ${what}`,
      names: expect.names ?? parameter.name,
      mustRefuse: expect.mustRefuse ?? true,
      request: buildRequest(operation, { ...valid, [where]: values }),
    };
  };
  const constrained = [
    ...operation.pathParams,
    ...operation.queryParams,
  ].filter(p => p.schema?.pattern);
  const patterned = constrained.map(parameter =>
    patternBreaker(parameter.schema!.pattern!).map(value =>
      spoil(parameter, value, `against its pattern (${JSON.stringify(value)})`),
    ),
  );
  const missing = operation.queryParams
    .filter(p => p.required)
    .map(parameter => fc.constant(spoil(parameter, undefined, 'missing')));
  const regions = operation.queryParams
    .filter(p => REGION_FIELDS.test(p.name))
    .map(parameter =>
      fc.constant(spoil(parameter, UNKNOWN_REGION, 'unknown region')),
    );
  const unknownEntity = operation.pathParams
    .filter(p => p.name === 'name')
    .map(parameter =>
      fc.constant(
        spoil(parameter, UNKNOWN_ENTITY, 'unknown entity', {
          names: UNKNOWN_ENTITY,
        }),
      ),
    );
  // Ids of rules, windows and reports are free strings: odd ones must at worst be unknown.
  const ids = operation.pathParams
    .filter(p => !p.schema?.pattern)
    .map(parameter =>
      fc
        .oneof(
          fc.constantFrom(
            '..',
            '%00',
            'a/b',
            ' ',
            '\u0000',
            '00000000-0000-0000-0000-000000000000',
          ),
          fc.string({ minLength: 1, maxLength: 40 }),
          hugeString(),
        )
        .map(value => spoil(parameter, value, 'odd id', { mustRefuse: false })),
    );
  return [...patterned, ...missing, ...regions, ...unknownEntity, ...ids];
}

/** Every kind of bad input the fuzzer makes for an endpoint; fast-check picks among them. */
export function badInputs(
  operation: WriteOperation,
  valid: RequestParts,
): fc.Arbitrary<BadInput> {
  const arbitraries = [
    ...parameterInputs(operation, valid),
    ...(operation.body ? bodyInputs(operation, valid) : []),
  ];
  return fc.oneof(...arbitraries);
}

/** The word that an answer naming `field` contains: the field, or its singular. */
export function namesField(text: string, field: string): boolean {
  const singular = field.replace(/s$/, '');
  const escaped = singular.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\b${escaped}s?\\b`, 'i').test(text);
}
