import { and, asc, ilike, or, type SQL } from "drizzle-orm";
import type { Metadata } from "next";
import { Card, CardTitle, PageHeader } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { db } from "@/db/client";
import { courses } from "@/db/schema";
import { requireOperatorPage } from "@/lib/auth/guard";
import { catalogHistory, loadUpload } from "@/lib/operator/catalog";
import { CatalogUploadForm } from "./catalog-forms";
import { PreviewCard } from "./preview";

export const metadata: Metadata = { title: "Course catalog · Operator" };

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export default async function CatalogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOperatorPage();
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const uploadParam = Number(params.upload);
  const where: SQL[] = [];
  // The catalog is small (hundreds of courses): a contains-search over it needs no index.
  if (q)
    where.push(
      or(ilike(courses.courseCode, like(q)), ilike(courses.title, like(q)), ilike(courses.solutionArea, like(q)))!,
    );
  const [rows, history, upload] = await Promise.all([
    db()
      .select()
      .from(courses)
      .where(where.length ? and(...where) : undefined)
      .orderBy(asc(courses.courseCode))
      .limit(500),
    catalogHistory(db()),
    Number.isSafeInteger(uploadParam) && uploadParam > 0 ? loadUpload(db(), uploadParam) : null,
  ]);
  return (
    <>
      <PageHeader
        title="Course catalog"
        description="The courses every organization's Training Services data refers to. Upload a new version to preview what it changes before applying it."
      />
      {upload ? (
        <PreviewCard
          id={upload.id}
          fileName={upload.fileName}
          preview={upload.preview}
          pending={upload.status === "pending"}
        />
      ) : null}
      <Card className="mb-6">
        <CardTitle>Upload a new version</CardTitle>
        <CatalogUploadForm />
      </Card>
      <form method="get" action="/operator/catalog" className="mb-3 flex items-end gap-2">
        <div>
          <label htmlFor="course-search" className="block text-sm font-medium">
            Search courses (code, title or area)
          </label>
          <input
            id="course-search"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 rounded border border-neutral-300 px-2 py-1 text-sm"
          />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">
          Search
        </button>
      </form>
      <Table head={["Code", "Title", "Area", "Category", "Duration (days)"]}>
        {rows.map((c) => (
          <tr key={c.courseCode}>
            <Td>{c.courseCode}</Td>
            <Td>{c.title}</Td>
            <Td>{c.solutionArea || "—"}</Td>
            <Td>{c.category}</Td>
            <Td>{c.durationDays ?? "—"}</Td>
          </tr>
        ))}
      </Table>
      <Card className="mt-6">
        <CardTitle>History</CardTitle>
        {history.pending.length ? (
          <p className="mb-2 text-sm">
            Awaiting a decision:{" "}
            {history.pending.map((p) => (
              <a key={p.id} className="mr-2 text-brand-700 underline" href={`/operator/catalog?upload=${p.id}`}>
                {p.fileName} ({p.by})
              </a>
            ))}
          </p>
        ) : null}
        <Table head={["Applied (UTC)", "File", "Rows", "By"]}>
          {history.versions.map((v) => (
            <tr key={v.id}>
              <Td className="whitespace-nowrap">{v.at.toISOString().slice(0, 16).replace("T", " ")}</Td>
              <Td>{v.fileName}</Td>
              <Td>{v.rows}</Td>
              <Td>{v.by}</Td>
            </tr>
          ))}
        </Table>
      </Card>
    </>
  );
}
