import type { Check } from "@/lib/offers/situation";

/** "Why can't I buy?": each check as met or not, with a link to fix it where there is one. */
export function WhyNot({ checks, question }: { checks: Check[]; question: string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer font-semibold text-brand-700">{question}</summary>
      <ul className="mt-2 flex flex-col gap-2" aria-label="Purchase checks">
        {checks.map((c) => (
          <li key={c.id} className="flex items-start gap-2" data-check={c.id} data-met={c.met}>
            <span aria-hidden className={`mt-0.5 font-bold ${c.met ? "text-green-700" : "text-red-700"}`}>
              {c.met ? "✓" : "✗"}
            </span>
            <span>
              <span className="font-medium">{c.label}: </span>
              <span className="font-semibold">{c.met ? "met" : "not met"}</span>
              <span className="block text-neutral-700">
                {c.detail}
                {!c.met && c.href ? (
                  <>
                    {" "}
                    <a className="text-brand-700 underline" href={c.href}>
                      {c.id === "qualified" ? "See the program dashboard" : "Open the order"}
                    </a>
                  </>
                ) : null}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
