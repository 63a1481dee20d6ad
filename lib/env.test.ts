import { describe, expect, it } from "vitest";
import { ssoProviders } from "./auth/providers";
import { appUrl, assertProductionReady, parseEnv } from "./env";

describe("env parsing", () => {
  it("defaults to the embedded database on port 3000", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PGLITE_DIR).toBe("./data/pglite");
    expect(e.PORT).toBe(3000);
  });
  it("accepts a PostgreSQL URL and a port", () => {
    const e = parseEnv({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/app", PORT: "4000" });
    expect(e.DATABASE_URL).toContain("127.0.0.1");
    expect(e.PORT).toBe(4000);
  });
  it("names what is wrong", () => {
    expect(() => parseEnv({ PORT: "http" })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ APP_TODAY: "2026-13" })).toThrow(/APP_TODAY/);
  });
  it("turns single sign-on on only when a provider is complete, and names what is missing", () => {
    expect(ssoProviders(parseEnv({}))).toEqual([]);
    const oidc = { AUTH_OIDC_ISSUER: "https://idp.example", AUTH_OIDC_ID: "app", AUTH_OIDC_SECRET: "s" };
    expect(ssoProviders(parseEnv(oidc))).toEqual([{ id: "oidc", label: "OpenID Connect" }]);
    expect(ssoProviders(parseEnv({ ...oidc, AUTH_OIDC_NAME: "Okta" }))).toEqual([{ id: "oidc", label: "Okta" }]);
    const entra = { AUTH_MICROSOFT_ENTRA_ID_ID: "app", AUTH_MICROSOFT_ENTRA_ID_SECRET: "s" };
    expect(ssoProviders(parseEnv(entra)).map((p) => p.label)).toEqual(["Microsoft"]);
    expect(() => parseEnv({ AUTH_OIDC_ISSUER: "https://idp.example" })).toThrow(/AUTH_OIDC_ID, AUTH_OIDC_SECRET/);
    expect(() => parseEnv({ AUTH_MICROSOFT_ENTRA_ID_ID: "app" })).toThrow(/AUTH_MICROSOFT_ENTRA_ID_SECRET/);
    expect(() => parseEnv({ ...oidc, AUTH_OIDC_ISSUER: "idp.example" })).toThrow(/AUTH_OIDC_ISSUER/);
  });
  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
  it("refuses production without AUTH_SECRET", () => {
    expect(() => assertProductionReady(parseEnv({ NODE_ENV: "production" }))).toThrow(/AUTH_SECRET is required/);
    expect(() =>
      assertProductionReady(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) })),
    ).not.toThrow();
    expect(() => assertProductionReady(parseEnv({ NODE_ENV: "development" }))).not.toThrow();
  });
  it("parses the mail settings and the base of links in mails", () => {
    expect(() => parseEnv({ SMTP_URL: "http://mail" })).toThrow(/SMTP_URL/);
    expect(parseEnv({ SMTP_URL: "smtp://user:pw@127.0.0.1:2525" }).SMTP_URL).toBe("smtp://user:pw@127.0.0.1:2525");
    expect(appUrl(parseEnv({}))).toBe("http://localhost:3000");
    expect(appUrl(parseEnv({ AUTH_URL: "https://pmc.example/api/auth" }))).toBe("https://pmc.example");
    expect(appUrl(parseEnv({ APP_URL: "https://app.example/", AUTH_URL: "https://x.example" }))).toBe(
      "https://app.example",
    );
    expect(() => parseEnv({ NOTIFY_INTERVAL_MINUTES: "-1" })).toThrow(/NOTIFY_INTERVAL_MINUTES/);
  });
});
