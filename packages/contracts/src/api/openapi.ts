import { z } from 'zod';
import { OPERATIONS } from './operations/all-operations';
import { pathParamNames } from './operations/define-operation';

/** Every documented operation: declared once per area in ./operations (CONTRIBUTING.md, "A read-only endpoint"). */
export { OPERATIONS };

const ref = {
  name: 'ref',
  in: 'path',
  required: true,
  description: '`foo`, `foo@draft` or `foo@rN`',
  schema: { type: 'string' },
};
const label = {
  name: 'label',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' },
};

function pathParameters(path: string, params: z.ZodObject | undefined) {
  return pathParamNames(path).map((name) => {
    if (name === 'ref') return ref;
    if (name === 'label') return label;
    const schema = params?.shape[name] as z.ZodType | undefined;
    return {
      name,
      in: 'path',
      required: true,
      schema: schema ? z.toJSONSchema(schema, { io: 'input' }) : { type: 'string' },
    };
  });
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  return Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodType).safeParse(undefined).success,
    schema: z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }),
  }));
}

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });

/** The OpenAPI 3.1 document served at /api/openapi.json, generated from the zod contracts. */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(op.responses)) {
      responses[status] = {
        description: r.description,
        ...(r.schema || r.contentType
          ? {
              content: {
                [r.contentType ?? 'application/json']: r.schema ? { schema: jsonSchema(r.schema) } : {},
              },
            }
          : {}),
      };
    }
    if (op.role) {
      responses['401'] ??= { description: 'Not signed in / no valid token' };
      responses['403'] ??= { description: `Requires role ${op.role} or higher` };
    }
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.role ? { security: [{ bearer: [] }, { session: [] }], 'x-required-role': op.role } : {}),
      parameters: [...pathParameters(op.path, op.params), ...queryParameters(op.query)],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { [op.body.contentType]: { schema: jsonSchema(op.body.schema) } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Planning Hub API', version },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'Personal API token (planning tokens create)',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'planning_hub_session',
          description:
            'Named `__Host-planning_hub_session` when the cookie is Secure (HTTPS); unsafe methods also need X-CSRF-Token.',
        },
      },
    },
    paths,
  };
}
