"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { SidePane } from "@/components/ui/side-pane";
import type { FormState } from "@/lib/actions";
import type { MethodChoice } from "@/lib/offers/state";
import { placeOrderAction } from "../actions";

export type OrderPaneProps = {
  offer: string;
  kind: "purchase" | "renewal";
  title: string;
  priceText: string;
  termText: string;
  instructions: string[];
  terms: string[];
  idempotencyKey: string; // issued by the server when the page (and so the pane) is rendered
  methods: MethodChoice[];
  canManageBilling: boolean;
};

export function OrderPane(p: OrderPaneProps) {
  const [state, action, pending] = useActionState<FormState, FormData>(placeOrderAction, {});
  const [accepted, setAccepted] = useState(false);
  const firstAvailable = p.methods.find((m) => m.available)?.id;
  const [method, setMethod] = useState<string | undefined>(firstAvailable);
  const verb = p.kind === "renewal" ? "Renew" : "Buy now";
  const id = `${p.offer}-${p.kind}`;
  return (
    <SidePane
      title={p.kind === "renewal" ? `Renew: ${p.title}` : `Buy: ${p.title}`}
      description={`${p.priceText} a year (local prices may vary). ${p.termText}`}
      trigger={<Button aria-label={`${verb}: ${p.title}`}>{verb}</Button>}
    >
      <form action={action} className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="offer" value={p.offer} />
        <input type="hidden" name="kind" value={p.kind} />
        <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
        <section aria-labelledby={`${id}-instructions`}>
          <h3 id={`${id}-instructions`} className="text-sm font-semibold">
            Instructions
          </h3>
          <ul className="mt-1 list-disc pl-5 text-sm text-neutral-700">
            {p.instructions.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby={`${id}-terms`}>
          <h3 id={`${id}-terms`} className="text-sm font-semibold">
            Purchase terms
          </h3>
          <ul
            tabIndex={0}
            aria-labelledby={`${id}-terms`}
            className="mt-1 max-h-40 list-disc overflow-y-auto rounded border border-neutral-200 py-2 pl-7 pr-2 text-sm text-neutral-700"
          >
            {p.terms.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </section>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="acceptAgreement"
            className="mt-1"
            checked={accepted}
            onChange={(e) => setAccepted(e.target.checked)}
          />
          <span>I accept the agreement and the purchase terms.</span>
        </label>
        <fieldset
          className="rounded border border-neutral-200 p-3"
          aria-describedby={state.errors?.paymentMethod ? `${id}-method-error` : undefined}
        >
          <legend className="px-1 text-sm font-semibold">Payment method</legend>
          <div className="flex flex-col gap-3">
            {p.methods.map((m) => (
              <div key={m.id} className="text-sm">
                <label className={`flex items-start gap-2 ${m.available ? "" : "text-neutral-500"}`}>
                  <input
                    type="radio"
                    name="paymentMethod"
                    value={m.id}
                    className="mt-1"
                    disabled={!m.available}
                    checked={method === m.id}
                    onChange={() => setMethod(m.id)}
                  />
                  <span>
                    <span className="font-medium">{m.label}</span>
                    {m.recommended ? (
                      <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800">
                        Recommended
                      </span>
                    ) : null}
                    <span className="block text-neutral-600">{m.note}</span>
                  </span>
                </label>
                {!m.available && m.id === "billing_profile" ? (
                  <p className="ml-6 mt-1 text-neutral-700">
                    {p.canManageBilling ? (
                      <a className="text-brand-700 underline" href="/membership/billing-profile">
                        Set up the billing profile
                      </a>
                    ) : (
                      "A global admin sets it up on the Billing profile page."
                    )}
                  </p>
                ) : null}
              </div>
            ))}
          </div>
          {state.errors?.paymentMethod ? (
            <p id={`${id}-method-error`} className="mt-2 text-xs text-red-700">
              {state.errors.paymentMethod.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <FormMessage message={state.message} ok={state.ok} />
        <Button type="submit" disabled={!accepted || !method || pending}>
          {pending ? "Placing order…" : "Accept agreement and place order"}
        </Button>
      </form>
    </SidePane>
  );
}
