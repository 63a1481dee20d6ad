import { StatusBadge } from "@/components/ui/status-badge";
import { Table, Td } from "@/components/ui/table";
import type { FormState } from "@/lib/actions";
import type { TokenListItem } from "@/lib/tokens/verbs";
import { RevokeTokenForm } from "./token-forms";

const STATUS: Record<TokenListItem["status"], { label: string; tone: "success" | "warning" | "neutral" }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "Never");

/** An organization's API tokens (never their secrets), each revocable: for its global admins and the operator. */
export function TokensTable({
  tokens,
  caption,
  act,
  partnerId,
}: {
  tokens: TokenListItem[];
  caption: string;
  act?: (prev: FormState, form: FormData) => Promise<FormState>;
  partnerId?: string;
}) {
  return (
    <Table caption={caption} head={["Name", "Token", "Scopes", "Created", "Last used", "Expires", "Status", "Actions"]}>
      {tokens.length === 0 ? (
        <tr>
          <Td className="text-neutral-600">No tokens yet.</Td>
        </tr>
      ) : null}
      {tokens.map((t) => (
        <tr key={t.id}>
          <Td>{t.name}</Td>
          <Td className="font-mono">{t.prefix}…</Td>
          <Td>{t.scopes.join(", ")}</Td>
          <Td>
            {day(t.createdAt)} by {t.createdBy}
          </Td>
          <Td>{day(t.lastUsedAt)}</Td>
          <Td>{t.expiresOn ?? "Never"}</Td>
          <Td>
            <StatusBadge {...STATUS[t.status]} />
          </Td>
          <Td>
            <RevokeTokenForm
              tokenId={t.id}
              name={t.name}
              revoked={t.status === "revoked"}
              act={act}
              partnerId={partnerId}
            />
          </Td>
        </tr>
      ))}
    </Table>
  );
}
