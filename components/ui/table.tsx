import type { ReactNode } from "react";
import type { SafeHtml } from "@/lib/html";

type TableProps = { caption?: string; head: ReactNode[] } & (
  | { children: ReactNode; rowsHtml?: never; body?: never }
  /** Rows made by lib/html.ts (escaped): for long read-only tables, rendered once instead of twice per request. */
  | { rowsHtml: SafeHtml; children?: never; body?: never }
  /**
   * A `<tbody>` of its own (with `TBODY_CLASS`): a client component that builds its rows from data, so that the
   * RSC payload carries the data rather than the rows' markup a second time.
   */
  | { body: ReactNode; children?: never; rowsHtml?: never }
);

export const TBODY_CLASS = "divide-y divide-neutral-100";

export function Table({ caption, head, children, rowsHtml, body }: TableProps) {
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
        {body ??
          (rowsHtml ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: SafeHtml comes only from lib/html.ts, which escapes every value
            <tbody className={TBODY_CLASS} dangerouslySetInnerHTML={{ __html: rowsHtml.__html }} />
          ) : (
            <tbody className={TBODY_CLASS}>{children}</tbody>
          ))}
      </table>
    </div>
  );
}

/** A cell of a `Table`: padding and alignment come from the table (.data-table in app/globals.css). */
export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}
