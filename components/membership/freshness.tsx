import { listInWords, PROGRAMS, type ProgramId } from "@/lib/rules/programs";

type FreshnessProps = {
  program: ProgramId;
  dataThrough: string | null;
  refreshedOn: string | null;
  nextRefreshDue: string;
  window?: { start: string; end: string };
};

/** SPEC §2 freshness line: "Data through <date>, refreshed <date>", the next refresh and the window. */
export function Freshness({ program, dataThrough, refreshedOn, nextRefreshDue, window }: FreshnessProps) {
  if (dataThrough === null) return <NoDataYet program={program} />;
  return (
    <p className="text-sm text-neutral-700">
      Data through <strong>{dataThrough}</strong>, refreshed <strong>{refreshedOn}</strong>. Next refresh by{" "}
      <strong>{nextRefreshDue}</strong>.
      {window ? (
        <>
          {" "}
          Window: <strong>{window.start}</strong> to <strong>{window.end}</strong>.
        </>
      ) : null}
    </p>
  );
}

/**
 * SPEC §6: a program with no import of its kinds has no data_through; its pages say so and what
 * to import, instead of a date (the figures shown meanwhile are all empty).
 */
export function NoDataYet({ program, className = "" }: { program: ProgramId; className?: string }) {
  const p = PROGRAMS[program];
  return (
    <p role="note" className={`text-sm text-neutral-700 ${className}`}>
      <strong>No {p.label} data has been imported yet.</strong> Import {listInWords(p.kindLabels)} on the{" "}
      <a className="font-semibold text-brand-700 underline" href="/membership/import">
        Import data
      </a>{" "}
      page; until then every figure is empty.
    </p>
  );
}
