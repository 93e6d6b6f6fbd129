// The HTTP API as an OpenAPI 3.1 document, generated from the route table and its zod schemas (the one
// definition of every shape). The grid and citizen platforms integrate against GET /api/openapi.json.
import { z } from 'zod';
import type { RouteDef } from './router';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const js = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete js.$schema;
  return js;
}

function parameters(obj: z.ZodObject | undefined, where: 'path' | 'query'): Json[] {
  if (!obj) return [];
  const whole = schemaOf(obj, 'input') as { required?: string[] };
  const required = new Set(whole.required ?? []);
  return Object.entries(obj.shape).map(([name, s]) => {
    const schema = schemaOf(s as z.ZodType, 'input');
    const { description, ...rest } = schema as { description?: string };
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** get /api/incidents/{id} → getApiIncidentsId */
function operationId(method: string, path: string): string {
  const camel = path
    .replace(/[{}]/g, '')
    .replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch?: string) => (ch ? ch.toUpperCase() : ''));
  return `${method.toLowerCase()}${camel}`;
}

export function openApiDocument(routes: RouteDef[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const responses: Json = {};
    for (const [status, doc] of Object.entries(r.responses)) {
      responses[status] = {
        description: doc.description,
        ...(doc.schema
          ? { content: { [doc.contentType ?? 'application/json']: { schema: schemaOf(doc.schema, 'output') } } }
          : {}),
      };
    }
    const op: Json = {
      operationId: operationId(r.method, r.path),
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      responses,
    };
    if (r.body) {
      op.requestBody = {
        required: true,
        content:
          'schema' in r.body
            ? { 'application/json': { schema: schemaOf(r.body.schema, 'input') } }
            : { [r.body.raw]: { schema: { type: 'string', format: 'binary' } } },
      };
    }
    paths[r.path] = { ...(paths[r.path] ?? {}), [r.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '联勤指挥台 Lianqin Console — host API',
      version,
      description:
        'The console host of a district governance command centre. Every bad parameter or field is answered ' +
        '400 with `{ error, param }` naming it.',
    },
    servers: [{ url: '/' }],
    paths,
  };
}
