import { FormMessage } from "@/components/ui/field";
import { Table, Td } from "@/components/ui/table";
import { formatCount } from "@/lib/imports/columns";
import { ROW_NUMBERING } from "@/lib/imports/errors";

export type UploadFailure = {
  message: string;
  errors: { row: number; column?: string; message: string }[];
  errorCount: number;
};

/** A rejected import: "Nothing was imported." and the row-numbered problems. */
export function ImportErrors({ failure }: { failure: UploadFailure }) {
  const { errors, errorCount } = failure;
  const hidden = errorCount - errors.length;
  return (
    <div className="grid gap-3">
      <FormMessage
        message={
          errorCount > 0
            ? `${formatCount(errorCount)} ${errorCount === 1 ? "problem" : "problems"} found. Nothing was imported.`
            : failure.message
        }
      />
      {errors.length > 0 ? (
        <>
          <Table caption="Problems to fix" head={["Row", "Column", "Problem"]}>
            {errors.map((e, i) => (
              <tr key={i}>
                <Td className="tabular-nums">{e.row > 0 ? e.row : "—"}</Td>
                <Td>{e.column ? <code>{e.column}</code> : "—"}</Td>
                <Td>{e.message}</Td>
              </tr>
            ))}
          </Table>
          <p className="text-xs text-neutral-600">
            {hidden > 0
              ? `The first ${formatCount(errors.length)} problems are listed; ${formatCount(hidden)} more were found. `
              : ""}
            {ROW_NUMBERING}
          </p>
        </>
      ) : null}
    </div>
  );
}
