// SPEC §9 at the edges of signing in and out, over HTTP against the production build: return
// paths that normalize into another site, Auth.js's own sign-out endpoint, and the throttle per
// client address beside the per-account lock.
import { type APIRequestContext, expect, test } from "@playwright/test";
import { E2E_ORGS, E2E_PASSWORD, e2eEmail } from "./fixtures";
import { BASE_URL, newClient, signedInClient } from "./support/http";

// Each normalizes to "//evil.example" (or a backslash form) under a naive "starts with one slash" check.
const TRICKY = [
  "/./" + "/evil.example",
  "/..//evil.example",
  "/%2e%2e//evil.example",
  "/a/..//evil.example",
  "/.\\/evil.example",
];

/** This server, by either of its names (Auth.js answers with the absolute URL of its own base). */
function staysHere(location: string | undefined): boolean {
  if (!location) return false;
  const url = new URL(location, `${BASE_URL}/sign-in`);
  const here = new URL(BASE_URL);
  return (
    ["127.0.0.1", "localhost"].includes(url.hostname) &&
    url.port === here.port &&
    !location.startsWith("//") &&
    !location.includes("\\")
  );
}

async function credentialsPost(
  client: APIRequestContext,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) {
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return client.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: extra.callbackUrl ?? "/membership" },
    headers: { origin: BASE_URL, ...(extra.forwardedFor ? { "x-forwarded-for": extra.forwardedFor } : {}) },
  });
}

test("return paths that normalize into another site send a signed-in user to the workspace", async () => {
  const user = await signedInClient(e2eEmail(E2E_ORGS.edgeRedirect, "partner_admin"));
  for (const callbackUrl of TRICKY) {
    const res = await user.get(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(res.status(), callbackUrl).toBe(307);
    expect(staysHere(res.headers().location), `${callbackUrl} → ${res.headers().location}`).toBe(true);
    expect(new URL(res.headers().location!, BASE_URL).pathname).toBe("/membership");
  }
  for (const callbackUrl of TRICKY) {
    // Auth.js's own sign-in endpoint takes a callbackUrl as well
    const fresh = await newClient();
    const res = await credentialsPost(fresh, e2eEmail(E2E_ORGS.edgeRedirect, "member"), E2E_PASSWORD, { callbackUrl });
    expect(res.status(), callbackUrl).toBe(302);
    expect(staysHere(res.headers().location), `${callbackUrl} → ${res.headers().location}`).toBe(true);
    await fresh.dispose();
  }
  const fine = await user.get(`/sign-in?callbackUrl=${encodeURIComponent("/membership/import")}`);
  expect(new URL(fine.headers().location!, BASE_URL).pathname).toBe("/membership/import");
  await user.dispose();
});

test("Auth.js's own POST /api/auth/signout revokes the session: a copy of the old cookie stops working", async () => {
  const user = await signedInClient(e2eEmail(E2E_ORGS.edgeSignout, "partner_admin"));
  const copy = await newClient();
  const { cookies } = await user.storageState();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  expect((await copy.get("/api/v1/membership/training-services", { headers: { cookie } })).status()).toBe(200);

  const { csrfToken } = (await (await user.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await user.post("/api/auth/signout", { form: { csrfToken }, headers: { origin: BASE_URL } });
  expect(out.status()).toBe(302);

  expect((await copy.get("/api/v1/membership/training-services", { headers: { cookie } })).status()).toBe(401);
  const page = await copy.get("/membership", { headers: { cookie } });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain("/sign-in");
  await user.dispose();
  await copy.dispose();
});

test("thirty failed sign-ins at many accounts from one address stop that address, not the accounts elsewhere", async () => {
  const client = await newClient();
  const spray = "203.0.113.77";
  for (let i = 0; i < 30; i++) {
    const res = await credentialsPost(client, `nobody-${i}@e2e-edge-throttle.example`, "guess-1", {
      forwardedFor: spray,
    });
    expect(res.headers().location, `attempt ${i + 1}`).toContain("code=invalid");
  }
  const email = e2eEmail(E2E_ORGS.edgeThrottle, "partner_admin");
  const refused = await credentialsPost(client, email, E2E_PASSWORD, { forwardedFor: spray });
  expect(refused.headers().location).toContain("code=throttled");
  expect((await client.storageState()).cookies.map((c) => c.name)).not.toContain("authjs.session-token");

  const elsewhere = await newClient();
  const ok = await credentialsPost(elsewhere, email, E2E_PASSWORD, { forwardedFor: "203.0.113.78" });
  expect(ok.headers().location).not.toContain("error=");
  expect((await elsewhere.storageState()).cookies.map((c) => c.name)).toContain("authjs.session-token");
  await client.dispose();
  await elsewhere.dispose();
});
