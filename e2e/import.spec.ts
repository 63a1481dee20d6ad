import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { ImportPage } from "./pages/import";
import { signInAs } from "./pages/sign-in";

const COURSES = [
  "course_code,title,solution_area,category,duration_days",
  "E2E-IMP-101,Import Fundamentals,,fundamentals,1",
].join("\n");

// Courses of the shared catalog (the demo seed's): the catalog is the operator's (SPEC §6).
const COMPLETIONS = [
  "achievement_code,course_code,redeemed_on",
  "E2E-IMP-A1,AZ-900T00,2026-10-01",
  "E2E-IMP-A2,AZ-104T00,2026-10-15",
  "E2E-IMP-A3,az-104t00,2026-10-31",
].join("\n");

test("a partner admin imports completions, then sees a bad file rejected; the catalog is not offered", async ({
  page,
}) => {
  await signInAs(page, e2eEmail(E2E_ORGS.import, "partner_admin"), "/membership/import");
  const importPage = new ImportPage(page);
  await expect(
    page.getByRole("navigation", { name: "Membership workspace" }).getByRole("link", { name: "Import data" }),
  ).toHaveAttribute("aria-current", "page");

  await expect(page.getByLabel("What to import").getByRole("option", { name: "Course catalog" })).toHaveCount(0);

  await page.getByLabel("What to import").selectOption({ label: "Courseware completions" });
  await expect(importPage.expectedColumns()).toHaveText("Expected columns for Courseware completions");
  await expect(page.getByText("redeemed_on", { exact: true })).toBeVisible();
  await importPage.upload(
    "Courseware completions",
    { name: "completions-october.csv", csv: COMPLETIONS },
    "2026-10-31",
  );
  await expect(importPage.success()).toHaveText("3 rows imported, data through 2026-10-31.");
  await expect(importPage.history().getByRole("row").filter({ hasText: "completions-october.csv" })).toContainText(
    "Courseware completions",
  );

  const bad = COMPLETIONS.replace("E2E-IMP-A2,AZ-104T00,2026-10-15", "E2E-IMP-A2,AZ-104T00,2026-02-30");
  await importPage.upload("Courseware completions", { name: "bad.csv", csv: bad });
  await expect(importPage.error()).toHaveText("1 problem found. Nothing was imported.");
  const row = importPage.problems().getByRole("row").filter({ hasText: "2026-02-30" });
  await expect(row.getByRole("cell").nth(0)).toHaveText("3");
  await expect(row.getByRole("cell").nth(1)).toHaveText("redeemed_on");
  await expect(page.getByText("the header is row 1 and the first data row is row 2")).toBeVisible();
  await expect(importPage.history().getByRole("row").filter({ hasText: "bad.csv" })).toHaveCount(0);
});

test("the upload endpoint refuses cross-site requests and signed-out visitors", async ({ page, request, baseURL }) => {
  const anonymous = await request.post("/api/v1/imports?kind=courses", {
    data: COURSES,
    headers: { origin: new URL(baseURL!).origin, "content-type": "text/csv" },
  });
  expect(anonymous.status()).toBe(401);
  await signInAs(page, e2eEmail(E2E_ORGS.import, "account_admin"), "/membership/import");
  const foreign = await page.request.post("/api/v1/imports?kind=courses", {
    data: COURSES,
    headers: { origin: "https://evil.example", "content-type": "text/csv" },
  });
  expect(foreign.status()).toBe(403);
});
