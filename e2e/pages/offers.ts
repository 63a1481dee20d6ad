import { expect, type Locator, type Page } from "@playwright/test";

export const SP_OFFER = "Solutions Partner designation";
export const TS_OFFER = "Solutions Partner for Training Services";

/** Membership → Offers, its cards and the right-side order pane. */
export class OffersPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto("/membership/offers");
    await expect(this.page.getByRole("heading", { name: "Offers", level: 1 })).toBeVisible();
  }

  card(title: string): Locator {
    return this.page.getByRole("article", { name: title, exact: true });
  }

  status(title: string): Locator {
    return this.card(title).getByTestId("offer-status");
  }

  actionButton(title: string, verb: "Buy now" | "Renew"): Locator {
    return this.card(title).getByRole("button", { name: verb === "Buy now" ? /^Buy now/ : /^Renew/ });
  }

  pane(): Locator {
    return this.page.getByRole("dialog");
  }

  placeOrderButton(): Locator {
    return this.pane().getByRole("button", { name: "Accept agreement and place order" });
  }

  agreement(): Locator {
    return this.pane().getByRole("checkbox", { name: /I accept the agreement/ });
  }

  method(label: "Billing profile" | "Wire transfer"): Locator {
    return this.pane().getByRole("radio", { name: new RegExp(`^${label}`) });
  }

  /** Presses Tab until `target` has the focus (keyboard only; fails after `max` presses). */
  async tabTo(target: Locator, max = 60) {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await this.page.keyboard.press("Tab");
    }
    throw new Error("could not reach the element with the Tab key");
  }

  /** Opens the pane, ticks the agreement, picks the method and places the order — all with the mouse. */
  async order(title: string, verb: "Buy now" | "Renew", method?: "Billing profile" | "Wire transfer") {
    await this.actionButton(title, verb).click();
    await expect(this.pane()).toBeVisible();
    await expect(this.placeOrderButton()).toBeDisabled();
    await this.agreement().check();
    if (method) await this.method(method).check();
    await this.placeOrderButton().click();
    await this.page.waitForURL(/\/membership\/orders\/PMC-\d+\?placed=1$/);
  }

  whyNot(title: string): Locator {
    return this.card(title).locator("details");
  }
}

export class OrderPage {
  constructor(private readonly page: Page) {}
  status(): Locator {
    return this.page.getByTestId("order-status");
  }
  async uploadProof(name: string, mimeType: string, buffer: Buffer) {
    await this.page.getByLabel(/Payment proof \(PDF, PNG or JPEG/).setInputFiles({ name, mimeType, buffer });
    await this.page.getByRole("button", { name: "Upload proof" }).click();
  }
}

/**
 * Membership → Logo builder: how far the browser's drawing of a badge's SVG is from the server's PNG,
 * both drawn on one 600×240 canvas (the 2× PNG scaled down): the mean difference per channel, 0–255.
 */
export async function badgeSvgPngDifference(page: Page, offer: string, badge: string): Promise<number> {
  const url = (format: string) => `/membership/badges/download?offer=${offer}&badge=${badge}&format=${format}`;
  return page.evaluate(
    async ([svgUrl, pngUrl]) => {
      const pixels = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement("canvas");
        canvas.width = 600;
        canvas.height = 240;
        const g = canvas.getContext("2d")!;
        g.imageSmoothingQuality = "high";
        g.fillStyle = "#ffffff";
        g.fillRect(0, 0, 600, 240);
        g.drawImage(img, 0, 0, 600, 240);
        return g.getImageData(0, 0, 600, 240).data;
      };
      const [a, b] = [await pixels(svgUrl!), await pixels(pngUrl!)];
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
      return sum / a.length;
    },
    [url("svg"), url("png")],
  );
}
