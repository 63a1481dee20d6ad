import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { db } from "@/db/client";
import { requirePage } from "@/lib/auth/guard";
import { today } from "@/lib/clock";
import { loadHeldPrograms } from "@/lib/offers/badges";
import { OFFERS } from "@/lib/rules/offers-catalog";

export const metadata: Metadata = { title: "Benefits" };

export default async function BenefitsPage() {
  const ctx = await requirePage("membership:view");
  const programs = await loadHeldPrograms(db(), ctx.orgId, today());
  const held = programs.filter((p) => p.held);
  return (
    <>
      <PageHeader
        title="Benefits"
        description="What each designation your organization holds brings, until its anniversary."
      />
      {held.length === 0 ? (
        <p className="text-sm text-neutral-700">
          Your organization holds no designation yet, so no benefits apply.{" "}
          <a className="text-brand-700 underline" href="/membership/offers">
            See the offers
          </a>
          .
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {held.map((p) => (
            <Card key={p.offer} as="article" aria-labelledby={`benefits-${p.offer}`}>
              <CardTitle id={`benefits-${p.offer}`}>{p.title}</CardTitle>
              <p className="mt-1 text-sm text-neutral-600">Held until {p.anniversary}.</p>
              <ul className="mt-3 list-disc pl-5 text-sm">
                {OFFERS[p.offer].benefits.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
      {programs.some((p) => !p.held) ? (
        <p className="mt-6 text-sm text-neutral-700">
          Not held:{" "}
          {programs
            .filter((p) => !p.held)
            .map((p) => p.title)
            .join(", ")}
          .{" "}
          <a className="text-brand-700 underline" href="/membership/offers">
            Buy on Offers
          </a>
          .
        </p>
      ) : null}
    </>
  );
}
