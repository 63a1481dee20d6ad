// SPEC §4.3 "Corrections from Microsoft's published 2026 pages" — credentials, not exams.
// Certification rows arrive one exam code per row; a catalog entry is a credential earned by any
// one of its exam lists, every exam of it held by the same person and valid on the day, and it
// counts for the score only through its `countsUntil` day. Pure: no I/O, no clock.
import type { AreaSlug } from "../areas";
import {
  type CertificationCatalog,
  type CertLevel,
  type CertStep,
  codesFor,
  examSets,
  normalizeCertificationCode,
} from "./certification-catalog";

/** One credential as the SQL layer needs it (inputs.ts "certifications" requests). */
export type CredentialSpec = { code: string; earnedBy: string[][]; countsUntil: string | null };

export function credentialSpecs(
  catalog: CertificationCatalog,
  area: AreaSlug,
  level: CertLevel,
  step: CertStep | null,
): CredentialSpec[] {
  return codesFor(catalog, area, level, step).map((code) => {
    const e = catalog.entries[code];
    return { code, earnedBy: examSets(code, e).map((s) => [...s]), countsUntil: e.countsUntil ?? null };
  });
}

/** "AZ-700", "Windows Server Hybrid Administrator Associate (AZ-800 and AZ-801, or AZ-802)", "MS-900 (counts until 2027-03-31)". */
export function credentialText(catalog: CertificationCatalog, code: string): string {
  const e = catalog.entries[code];
  if (!e) return code;
  const ways = examSets(code, e).map((s) => s.join(" and "));
  const how = ways.length === 1 ? ways[0] : `${ways.slice(0, -1).join(", ")}, or ${ways[ways.length - 1]}`;
  const text = e.earnedBy ? `${e.name.replace(/^Microsoft (365 )?Certified: /, "")} (${how})` : how;
  return e.countsUntil ? `${text} (counts until ${e.countsUntil})` : text;
}

/** The credentials of (area, level, step) in words, comma-separated, for criteria and plans. */
export function credentialsText(
  catalog: CertificationCatalog,
  area: AreaSlug,
  level: CertLevel,
  step: CertStep | null,
  joiner = ", ",
): string {
  return codesFor(catalog, area, level, step)
    .map((c) => credentialText(catalog, c))
    .join(joiner);
}

/**
 * The credentials worth earning for (area, level, step), in words: those without a counts-until
 * day (a retiring credential is not advice; the planner has no date to tell whether it still
 * counts), unless every one has such a day.
 */
export function credentialsToEarn(
  catalog: CertificationCatalog,
  area: AreaSlug,
  level: CertLevel,
  step: CertStep | null,
): string[] {
  const all = codesFor(catalog, area, level, step);
  const lasting = all.filter((c) => catalog.entries[c].countsUntil === undefined);
  return (lasting.length ? lasting : all).map((c) => credentialText(catalog, c));
}

/** One certification row (one exam) of a person. */
export type ExamRow = {
  personId: string;
  personName: string;
  code: string;
  earnedOn: string;
  expiresOn: string | null;
};

/** A credential a person holds on data_through, and the last day it counts for the score (null: no end). */
export type HeldCredential = {
  personId: string;
  personName: string;
  code: string;
  lastDay: string | null;
  /** Why it stops: an exam expires, or the catalog's `counts until` day. */
  ends: "expires" | "stops-counting" | null;
};

const laterOf = (a: string | null, b: string | null) => (a === null || b === null ? null : a > b ? a : b);
const earlierOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * SPEC §4.4 with the corrections: the credentials each person holds on `dataThrough` (every exam
 * of one list earned on or before it and not expired; the credential still counting), with the
 * last day each keeps counting: the best list's earliest exam expiry, capped by `countsUntil`.
 */
export function heldCredentials(
  catalog: CertificationCatalog,
  rows: readonly ExamRow[],
  dataThrough: string,
): HeldCredential[] {
  const byPerson = new Map<string, { name: string; exams: Map<string, string | null> }>();
  for (const r of rows) {
    if (r.earnedOn > dataThrough || (r.expiresOn !== null && r.expiresOn < dataThrough)) continue;
    const p = byPerson.get(r.personId) ?? { name: r.personName, exams: new Map() };
    p.exams.set(normalizeCertificationCode(r.code), r.expiresOn);
    byPerson.set(r.personId, p);
  }
  const out: HeldCredential[] = [];
  for (const [personId, p] of byPerson) {
    for (const [code, e] of Object.entries(catalog.entries)) {
      if (e.countsUntil !== undefined && e.countsUntil < dataThrough) continue;
      let best: string | null | undefined; // undefined: no list fully held
      for (const list of examSets(code, e)) {
        if (!list.every((x) => p.exams.has(x))) continue;
        const end = list.reduce<string | null>((acc, x) => earlierOf(acc, p.exams.get(x) ?? null), null);
        best = best === undefined ? end : laterOf(best, end);
      }
      if (best === undefined) continue;
      const cap = e.countsUntil ?? null;
      const lastDay = earlierOf(best, cap);
      const ends = lastDay === null ? null : cap !== null && lastDay === cap ? "stops-counting" : "expires";
      out.push({ personId, personName: p.name, code, lastDay, ends });
    }
  }
  return out.sort((a, b) => a.personId.localeCompare(b.personId) || a.code.localeCompare(b.code));
}

/**
 * The download's view of one exam row (SPEC §4.6 line items): the credential of the metric it
 * belongs to and whether the person counts for it, or why not. `held` = the person's exam codes
 * valid on data_through.
 */
export function examRowStatus(
  catalog: CertificationCatalog,
  credentials: readonly string[],
  exam: string,
  held: ReadonlySet<string>,
  dataThrough: string,
): { credential: string; counts: "yes" | "no"; why: string } {
  const code = normalizeCertificationCode(exam);
  const mine = credentials.filter(
    (c) => catalog.entries[c] && examSets(c, catalog.entries[c]).some((l) => l.includes(code)),
  );
  if (mine.length === 0) return { credential: "", counts: "no", why: `${code} earns no credential of this metric` };
  const reasons: string[] = [];
  for (const c of mine) {
    const e = catalog.entries[c];
    const name = `${c} (${e.name})`;
    const lists = examSets(c, e);
    const via = lists.find((l) => l.every((x) => held.has(x)));
    if (!via) {
      const missing = lists.filter((l) => l.includes(code)).map((l) => l.filter((x) => !held.has(x)).join(" and "));
      const other = lists.filter((l) => !l.includes(code)).map((l) => l.join(" and "));
      reasons.push(
        `${code} alone earns nothing: ${c} also needs ${missing.join(" or ")}${other.length ? ` (or ${other.join(" or ")} alone)` : ""}`,
      );
      continue;
    }
    if (e.countsUntil !== undefined && e.countsUntil < dataThrough) {
      reasons.push(`${c} counted for the score only until ${e.countsUntil}`);
      continue;
    }
    const through = via.length > 1 || via[0] !== c ? ` through ${via.join(" and ")}` : "";
    const until = e.countsUntil ? `; counts until ${e.countsUntil}` : "";
    return { credential: name, counts: "yes", why: `holds ${c}${through}${until}` };
  }
  return { credential: `${mine[0]} (${catalog.entries[mine[0]].name})`, counts: "no", why: reasons.join("; ") };
}
