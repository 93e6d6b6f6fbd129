import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../helpers/host';

let host: TestHost;
type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
        requestBody?: { content: Record<string, { schema: { required?: string[]; properties: object } }> };
        responses: Record<string, unknown>;
      }
    >
  >;
};
let doc: Doc;

beforeAll(async () => {
  host = await startTestHost(undefined, { historyCount: 0 });
  const r = await fetch(`${host.url}/api/openapi.json`);
  expect(r.status).toBe(200);
  doc = (await r.json()) as Doc;
});
afterAll(async () => host?.close());

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes every route the host serves, with its method', () => {
    expect(host.routes.length).toBeGreaterThanOrEqual(7);
    for (const r of host.routes) {
      expect(doc.paths[r.path], r.path).toBeDefined();
      expect(doc.paths[r.path][r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(host.routes.map((r) => `${r.method.toLowerCase()} ${r.path}`).sort());
  });

  it('names query and path parameters with their types and whether they are required', () => {
    const nearby = doc.paths['/api/cameras/nearby'].get.parameters;
    const byName = Object.fromEntries(nearby.map((p) => [p.name, p]));
    expect(byName.lon).toMatchObject({ in: 'query', required: true, schema: { type: 'number', minimum: -180 } });
    expect(byName.radius.required).toBe(true);
    expect(byName.limit).toMatchObject({ required: false, schema: { type: 'integer' } });
    const list = doc.paths['/api/incidents'].get.parameters.map((p) => p.name);
    expect(list).toEqual(expect.arrayContaining(['status', 'grade', 'town', 'department', 'unmatched', 'limit']));
    const one = doc.paths['/api/incidents/{id}'].get.parameters;
    expect(one).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
  });

  it('gives request bodies and responses their schemas', () => {
    const post = doc.paths['/api/incidents'].post;
    const body = post.requestBody!.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['source', 'title', 'lon', 'lat']));
    expect(Object.keys(body.properties)).toEqual(expect.arrayContaining(['description', 'reporter', 'occurredAt']));
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '413']));
  });
});
