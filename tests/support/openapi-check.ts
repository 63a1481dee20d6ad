// Validates real API answers against the served OpenAPI document (GET /api/v1/openapi.json):
// the response schema of the path, method and status, with Ajv's JSON Schema 2020-12 dialect
// (OpenAPI 3.1's). Used by tests/openapi.int.test.ts and e2e/api-tokens.spec.ts.
import { Ajv2020 } from "ajv/dist/2020.js";

type Doc = {
  openapi: string;
  components: { schemas: Record<string, object> };
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
};

export function openApiChecker(document: unknown) {
  const doc = document as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "api", components: doc.components });
  const rebase = (schema: object) =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"api#/components/'));
  /** The problems of `body` as the answer `status` of `method path`; [] when it conforms. */
  return function check(method: string, path: string, status: number, body: unknown): string[] {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${path} is not in the document`];
    const response = operation.responses[String(status)];
    if (!response) return [`${method} ${path} documents no ${status} answer`];
    const schema = response.content?.["application/json"]?.schema;
    if (!schema) return [`${method} ${path} ${status} has no JSON schema`];
    const validate = ajv.compile(rebase(schema));
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${method} ${path} ${status}: ${e.instancePath || "/"} ${e.message}`);
  };
}
