import { expect, test } from "@playwright/test";
import { E2E_ORGS, e2eEmail } from "./fixtures";
import { signInAs } from "./pages/sign-in";

// Framework conventions: the app icon and favicon from public/, and the workspace's error boundary.

test("the favicon and the app icon load, signed out, under the page CSP", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0])); // an ICO header
  const svg = await request.get("/icon.svg");
  expect(svg.status()).toBe(200);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");

  await page.goto("/sign-in");
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/icon\.svg/);
  await expect(page.locator('link[rel="shortcut icon"]')).toHaveAttribute("href", /^\/favicon\.ico/);
  // The browser itself draws both (the page's CSP allows them).
  const sizes = await page.evaluate(async () => {
    const load = async (src: string) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return img.naturalWidth;
    };
    return [await load("/icon.svg"), await load("/favicon.ico")];
  });
  expect(sizes[0]).toBe(64);
  expect(sizes[1]).toBeGreaterThanOrEqual(16);
});

test("a failing workspace page keeps the header and the navigation", async ({ page }) => {
  await signInAs(page, e2eEmail(E2E_ORGS.pageError, "partner_admin"), "/membership/badges");
  await page.goto("/membership/solutions-partner");
  const alert = page.getByRole("alert").filter({ hasText: "Something went wrong" });
  await expect(alert).toBeVisible();
  await expect(alert).not.toContainText("unreadable"); // no detail of the fault reaches the user
  await expect(page.getByRole("banner")).toContainText(`Org ${E2E_ORGS.pageError}`);
  const nav = page.getByRole("navigation", { name: "Membership workspace" });
  await nav.getByRole("link", { name: "Logo builder" }).click();
  await expect(page.getByRole("heading", { name: "Logo builder", level: 1 })).toBeVisible();
});
