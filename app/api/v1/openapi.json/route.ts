import { openApiDocument } from "@/lib/api/openapi";

// SPEC §7: the API's OpenAPI 3.1 description. Public, like any API reference: it holds no data.
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
