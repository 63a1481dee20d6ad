// SPEC §5 — the offers as configurable data (no I/O; safe for client components).
// Prices are integer minor units per currency; each country pays in its currency (USD when unlisted).

export const OFFER_IDS = ["solutions-partner", "training-services"] as const;
export type OfferId = (typeof OFFER_IDS)[number];
export const PAYMENT_METHODS = ["billing_profile", "wire_transfer"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type OfferInfo = {
  id: OfferId;
  title: string;
  program: string; // the program dashboard that decides qualification
  dashboardHref: string;
  prices: Record<string, number>; // currency → minor units a year
  instructions: string[];
  benefits: string[];
};

export const OFFERS: Record<OfferId, OfferInfo> = {
  "solutions-partner": {
    id: "solutions-partner",
    title: "Solutions Partner designation",
    program: "Solutions Partner designations (partner capability score)",
    dashboardHref: "/membership/solutions-partner",
    prices: { USD: 473_000 },
    instructions: [
      "One yearly fee covers every solution area: the purchase enrolls all areas that are eligible now.",
      "An area that becomes eligible later is enrolled at no charge with the same anniversary.",
      "Renew within 30 days before the anniversary; at renewal each area must be eligible again.",
    ],
    benefits: [
      "A Solutions Partner badge per enrolled solution area for your marketing",
      "Listing with your designations in the partner directory",
      "Product licenses for internal use and cloud service credits",
      "Technical pre-sales and deployment advisory hours",
      "Go-to-market benefits: marketplace rewards and co-selling eligibility",
    ],
  },
  "training-services": {
    id: "training-services",
    title: "Solutions Partner for Training Services",
    program: "Solutions Partner for Training Services",
    dashboardHref: "/membership/training-services",
    prices: { USD: 487_500 },
    instructions: [
      "Your organization must qualify: the three base criteria and at least one solution area completed.",
      "Each completed solution area shows its Training Services badge while the designation is held.",
      "Renew within 30 days before the anniversary; the organization must still qualify.",
    ],
    benefits: [
      "The Solutions Partner for Training Services badge and an area badge per completed area",
      "Listing as a training partner in the partner directory",
      "Access to official courseware and instructor preparation materials",
      "Exam-voucher purchasing through the exam partner store",
      "Training-partner community events and readiness sessions",
    ],
  },
};

export const PURCHASE_TERMS = [
  "The designation is valid for one year from the purchase date (a renewal: one year from the previous anniversary).",
  "The fee is charged once per year and is not refundable once the order is active.",
  "Wire transfers must arrive within 30 days, quoting the bank reference; unpaid orders expire.",
  "Badges may be used only while the designation is held and must not be altered.",
  "Local prices may vary; taxes are added where the law requires them.",
];

/** Payment methods by country/region; unlisted countries get DEFAULT_PAYMENT_METHODS. */
export const DEFAULT_PAYMENT_METHODS: readonly PaymentMethod[] = ["billing_profile", "wire_transfer"];
export const PAYMENT_METHODS_BY_COUNTRY: Record<string, readonly PaymentMethod[]> = {
  IN: ["wire_transfer"],
  NG: ["wire_transfer"],
  EG: ["wire_transfer"],
  JP: ["billing_profile"],
  KR: ["billing_profile"],
};

/** Currency by country/region; unlisted countries pay in USD. A currency needs a price per offer. */
export const CURRENCY_BY_COUNTRY: Record<string, string> = {};
export const DEFAULT_CURRENCY = "USD";

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  billing_profile: "Billing profile",
  wire_transfer: "Wire transfer",
};

/** Where wire transfers go (fictional demo beneficiary; configure per deployment). */
export const WIRE_INSTRUCTIONS = {
  beneficiary: "Partner Membership Center (demo)",
  bank: "Example Bank N.A.",
  iban: "XX00 EXAM 0000 0000 0000 00",
  swift: "EXAMXX00",
};

export const ORDER_PAYMENT_DAYS = 30; // unpaid wire orders expire after this many days
export const RENEWAL_WINDOW_DAYS = 30; // the renewal window opens this many days before the anniversary
export const ELIGIBILITY_MONTHS = 6; // the current (or anniversary) month and the five before it
