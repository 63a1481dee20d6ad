// SPEC §3.1 / §6 — the course catalog and the three Training Services line-item kinds.

import { answer, area, date, integer, knownCode, oneOf, row, text } from "./fields";
import type { KindRules } from "./kinds";

const CATEGORIES = ["fundamentals", "two-days-or-less", "three-days-or-more"] as const;
const LEVELS = ["fundamentals", "advanced"] as const;
type TrainingKind = "courses" | "courseware-completions" | "exam-vouchers" | "mtm-surveys";

export const TRAINING_KINDS: Record<TrainingKind, KindRules> = {
  courses: {
    table: "courses",
    types: {
      course_code: "text",
      title: "text",
      solution_area: "text",
      category: "course_category",
      duration_days: "integer",
    },
    rowSchema: () =>
      row({
        course_code: text({ max: 60, upper: true }),
        title: text({ max: 500 }),
        solution_area: area(false),
        category: oneOf(CATEGORIES),
        duration_days: integer(1, 365),
      }),
    rollup: ["completion", "survey"],
    needsCourses: false,
  },
  "courseware-completions": {
    table: "courseware_completions",
    types: { achievement_code: "text", course_code: "text", redeemed_on: "date" },
    rowSchema: (ctx) =>
      row({
        achievement_code: text(),
        course_code: knownCode(ctx.courseCode, "course code (import it in the course catalog first)"),
        redeemed_on: date(),
      }),
    rollup: ["completion"],
    needsCourses: true,
  },
  "exam-vouchers": {
    table: "exam_vouchers",
    types: { voucher_id: "text", exam_code: "text", level: "voucher_level", purchased_on: "date" },
    rowSchema: () =>
      row({
        voucher_id: text(),
        exam_code: text({ max: 60, upper: true }),
        level: oneOf(LEVELS),
        purchased_on: date(),
      }),
    rollup: ["voucher"],
    needsCourses: false,
  },
  "mtm-surveys": {
    table: "mtm_surveys",
    types: {
      survey_id: "text",
      course_code: "text",
      completed_on: "date",
      q1: "smallint",
      q2: "smallint",
      q3: "smallint",
      q4: "smallint",
      q5: "smallint",
      other_answers: "jsonb",
    },
    rowSchema: (ctx) =>
      row({
        survey_id: text(),
        course_code: knownCode(ctx.courseCode, "course code (import it in the course catalog first)"),
        completed_on: date(),
        q1: answer(),
        q2: answer(),
        q3: answer(),
        q4: answer(),
        q5: answer(),
      }),
    rollup: ["survey"],
    needsCourses: true,
  },
};
