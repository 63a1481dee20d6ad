// SPEC §1: the six solution areas shared by both programs.
export const AREAS = [
  { slug: "data-ai", label: "Data & AI (Azure)", azure: true },
  { slug: "infrastructure", label: "Infrastructure (Azure)", azure: true },
  { slug: "digital-app-innovation", label: "Digital & App Innovation (Azure)", azure: true },
  { slug: "business-applications", label: "Business Applications", azure: false },
  { slug: "modern-work", label: "Modern Work", azure: false },
  { slug: "security", label: "Security", azure: false },
] as const;

export type AreaSlug = (typeof AREAS)[number]["slug"];
export const AREA_SLUGS = AREAS.map((a) => a.slug) as unknown as readonly [AreaSlug, ...AreaSlug[]];

export function isAreaSlug(value: string): value is AreaSlug {
  return (AREA_SLUGS as readonly string[]).includes(value);
}

export function areaLabel(slug: AreaSlug): string {
  return AREAS.find((a) => a.slug === slug)!.label;
}
