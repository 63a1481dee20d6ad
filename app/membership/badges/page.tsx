import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { loadHeldPrograms } from "@/lib/offers/badges";

export const metadata: Metadata = { title: "Logo builder" };

const href = (offer: string, badge: string, format: "svg" | "png") =>
  `/membership/badges/download?offer=${offer}&badge=${badge}&format=${format}`;

export default async function BadgesPage() {
  const ctx = await requirePage("membership:view");
  const programs = await loadHeldPrograms(db(), ctx.orgId, today());
  return (
    <>
      <PageHeader
        title="Logo builder"
        description="Download the badges of the designations your organization holds, as SVG or PNG. Badges may be used only while the designation is held."
      />
      <div className="flex flex-col gap-6">
        {programs.map((p) => (
          <section key={p.offer} aria-labelledby={`badges-${p.offer}`}>
            <h2 id={`badges-${p.offer}`} className="mb-2 text-lg font-semibold">
              {p.title}
            </h2>
            {!p.held ? (
              <p className="text-sm text-neutral-700">
                {p.anniversary
                  ? `No badges: the designation lapsed after ${p.anniversary}.`
                  : "No badges: your organization does not hold this designation."}{" "}
                <a className="text-brand-700 underline" href="/membership/offers">
                  See the offers
                </a>
              </p>
            ) : p.badges.length === 0 ? (
              <p className="text-sm text-neutral-700">
                No badges yet:{" "}
                {p.offer === "training-services" ? "no solution area is completed." : "no solution area is enrolled."}
              </p>
            ) : (
              <ul className="grid gap-4 md:grid-cols-2" aria-label={`${p.title} badges`}>
                {p.badges.map((b) => (
                  <li key={b.id}>
                    <Card as="article" aria-labelledby={`badge-${p.offer}-${b.id}`}>
                      <CardTitle level={3} id={`badge-${p.offer}-${b.id}`}>
                        {b.label}
                      </CardTitle>
                      <img
                        className="mt-2 w-full rounded border border-neutral-100"
                        src={href(p.offer, b.id, "svg")}
                        alt={`${p.title} — ${b.label} badge`}
                        width={600}
                        height={240}
                      />
                      <p className="mt-2 flex gap-3 text-sm">
                        <a
                          className="font-semibold text-brand-700 underline"
                          href={href(p.offer, b.id, "svg")}
                          download
                        >
                          Download {b.label} badge as SVG
                        </a>
                        <a
                          className="font-semibold text-brand-700 underline"
                          href={href(p.offer, b.id, "png")}
                          download
                        >
                          Download {b.label} badge as PNG
                        </a>
                      </p>
                    </Card>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
