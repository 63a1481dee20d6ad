import type { ReactNode } from "react";
import type { SafeHtml } from "@/lib/html";

type TableProps = { caption?: string; head: ReactNode[] } & (
  | { children: ReactNode; rowsHtml?: never }
  /** Rows made by lib/html.ts (escaped): for long read-only tables, rendered once instead of twice per request. */
  | { rowsHtml: SafeHtml; children?: never }
);

export function Table({ caption, head, children, rowsHtml }: TableProps) {
  return (
    <div className="overflow-x-auto rounded-md border border-neutral-200 bg-white">
      <table className="data-table min-w-full divide-y divide-neutral-200 text-sm">
        {caption ? <caption className="px-3 py-2 text-left text-sm font-semibold">{caption}</caption> : null}
        <thead className="bg-neutral-50">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 text-left font-semibold text-neutral-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        {rowsHtml ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SafeHtml comes only from lib/html.ts, which escapes every value
          <tbody className="divide-y divide-neutral-100" dangerouslySetInnerHTML={{ __html: rowsHtml.__html }} />
        ) : (
          <tbody className="divide-y divide-neutral-100">{children}</tbody>
        )}
      </table>
    </div>
  );
}

/** A cell of a `Table`: padding and alignment come from the table (.data-table in app/globals.css). */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}
