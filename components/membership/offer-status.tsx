import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { OfferStatus } from "@/lib/rules/offers";

const OFFER: Record<OfferStatus, { label: string; tone: Tone }> = {
  not_qualified: { label: "Not qualified", tone: "neutral" },
  ready_to_buy: { label: "Ready to buy", tone: "info" },
  awaiting_payment: { label: "Awaiting payment", tone: "warning" },
  active: { label: "Active", tone: "success" },
  renewal_due: { label: "Renewal due", tone: "warning" },
  lapsed: { label: "Lapsed", tone: "danger" },
};

export function OfferStatusBadge({ status, anniversary }: { status: OfferStatus; anniversary?: string | null }) {
  const s = OFFER[status];
  const label =
    (status === "active" || status === "renewal_due") && anniversary ? `${s.label} — until ${anniversary}` : s.label;
  return <StatusBadge label={label} tone={s.tone} />;
}

const ORDER: Record<string, { label: string; tone: Tone }> = {
  awaiting_payment: { label: "Awaiting payment", tone: "warning" },
  active: { label: "Active", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  expired: { label: "Expired", tone: "danger" },
};

export function OrderStatusBadge({ status }: { status: string }) {
  const s = ORDER[status] ?? { label: status, tone: "neutral" as Tone };
  return <StatusBadge label={s.label} tone={s.tone} />;
}
