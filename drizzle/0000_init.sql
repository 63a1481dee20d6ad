CREATE TYPE "public"."association" AS ENUM('cpor', 'dpor', 'csp', 'pal');--> statement-breakpoint
CREATE TYPE "public"."course_category" AS ENUM('fundamentals', 'two-days-or-less', 'three-days-or-more');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('member', 'partner_admin', 'account_admin', 'global_admin');--> statement-breakpoint
CREATE TYPE "public"."segment" AS ENUM('enterprise', 'smb');--> statement-breakpoint
CREATE TYPE "public"."track" AS ENUM('enterprise', 'smb');--> statement-breakpoint
CREATE TYPE "public"."voucher_level" AS ENUM('fundamentals', 'advanced');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"actor_user_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certifications" (
	"org_id" uuid NOT NULL,
	"person_id" text NOT NULL,
	"person_name" text NOT NULL,
	"certification_code" text NOT NULL,
	"earned_on" date NOT NULL,
	"expires_on" date,
	CONSTRAINT "certifications_org_id_person_id_certification_code_pk" PRIMARY KEY("org_id","person_id","certification_code")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"course_code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"solution_area" text,
	"category" "course_category" NOT NULL,
	"duration_days" integer
);
--> statement-breakpoint
CREATE TABLE "courseware_completions" (
	"org_id" uuid NOT NULL,
	"achievement_code" text NOT NULL,
	"course_code" text NOT NULL,
	"redeemed_on" date NOT NULL,
	CONSTRAINT "courseware_completions_org_id_achievement_code_pk" PRIMARY KEY("org_id","achievement_code")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"org_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"customer_name" text NOT NULL,
	"solution_area" text NOT NULL,
	"segment" "segment" NOT NULL,
	"association" "association" NOT NULL,
	"eligible_from" date NOT NULL,
	"eligible_until" date,
	CONSTRAINT "customers_org_id_customer_id_solution_area_association_pk" PRIMARY KEY("org_id","customer_id","solution_area","association")
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"org_id" uuid NOT NULL,
	"customer_id" text NOT NULL,
	"solution_area" text NOT NULL,
	"workload" text NOT NULL,
	"association" "association" NOT NULL,
	"deployed_on" date NOT NULL,
	"removed_on" date,
	CONSTRAINT "deployments_org_id_customer_id_solution_area_workload_association_pk" PRIMARY KEY("org_id","customer_id","solution_area","workload","association")
);
--> statement-breakpoint
CREATE TABLE "exam_vouchers" (
	"org_id" uuid NOT NULL,
	"voucher_id" text NOT NULL,
	"exam_code" text NOT NULL,
	"level" "voucher_level" NOT NULL,
	"purchased_on" date NOT NULL,
	CONSTRAINT "exam_vouchers_org_id_voucher_id_pk" PRIMARY KEY("org_id","voucher_id")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"row_count" integer NOT NULL,
	"data_through" date,
	"imported_by" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mtm_surveys" (
	"org_id" uuid NOT NULL,
	"survey_id" text NOT NULL,
	"course_code" text NOT NULL,
	"completed_on" date NOT NULL,
	"q1" smallint,
	"q2" smallint,
	"q3" smallint,
	"q4" smallint,
	"q5" smallint,
	"other_answers" jsonb,
	CONSTRAINT "mtm_surveys_org_id_survey_id_pk" PRIMARY KEY("org_id","survey_id")
);
--> statement-breakpoint
CREATE TABLE "org_tracks" (
	"org_id" uuid NOT NULL,
	"solution_area" text NOT NULL,
	"track" "track" NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_tracks_org_id_solution_area_pk" PRIMARY KEY("org_id","solution_area")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" text NOT NULL,
	"name" text NOT NULL,
	"country" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_partner_id_unique" UNIQUE("partner_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sp_evaluations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"solution_area" text NOT NULL,
	"track" "track" NOT NULL,
	"metrics" jsonb NOT NULL,
	"total" numeric NOT NULL,
	"qualified" boolean NOT NULL,
	"data_through" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ts_monthly" (
	"org_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"solution_area" text DEFAULT '' NOT NULL,
	"items" integer NOT NULL,
	"answer_sum" integer DEFAULT 0 NOT NULL,
	"answer_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ts_monthly_org_id_month_kind_category_solution_area_pk" PRIMARY KEY("org_id","month","kind","category","solution_area")
);
--> statement-breakpoint
CREATE TABLE "usage" (
	"org_id" uuid NOT NULL,
	"solution_area" text NOT NULL,
	"association" "association" NOT NULL,
	"measure" text NOT NULL,
	"month" text NOT NULL,
	"value" numeric NOT NULL,
	CONSTRAINT "usage_org_id_solution_area_association_measure_month_pk" PRIMARY KEY("org_id","solution_area","association","measure","month")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courseware_completions" ADD CONSTRAINT "courseware_completions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courseware_completions" ADD CONSTRAINT "courseware_completions_course_code_courses_course_code_fk" FOREIGN KEY ("course_code") REFERENCES "public"."courses"("course_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_vouchers" ADD CONSTRAINT "exam_vouchers_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mtm_surveys" ADD CONSTRAINT "mtm_surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mtm_surveys" ADD CONSTRAINT "mtm_surveys_course_code_courses_course_code_fk" FOREIGN KEY ("course_code") REFERENCES "public"."courses"("course_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_tracks" ADD CONSTRAINT "org_tracks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sp_evaluations" ADD CONSTRAINT "sp_evaluations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ts_monthly" ADD CONSTRAINT "ts_monthly_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage" ADD CONSTRAINT "usage_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_org_at_idx" ON "audit_log" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "completions_org_date_idx" ON "courseware_completions" USING btree ("org_id","redeemed_on");--> statement-breakpoint
CREATE INDEX "vouchers_org_date_idx" ON "exam_vouchers" USING btree ("org_id","purchased_on");--> statement-breakpoint
CREATE INDEX "imports_org_kind_idx" ON "imports" USING btree ("org_id","kind","at");--> statement-breakpoint
CREATE INDEX "surveys_org_date_idx" ON "mtm_surveys" USING btree ("org_id","completed_on");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_at_idx" ON "sign_in_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "sp_evaluations_org_area_at_idx" ON "sp_evaluations" USING btree ("org_id","solution_area","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_org_idx" ON "users" USING btree ("org_id");