ALTER TYPE "public"."role" ADD VALUE 'operator';--> statement-breakpoint
CREATE TABLE "catalog_uploads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"csv" text NOT NULL,
	"status" text NOT NULL,
	"preview" jsonb NOT NULL,
	"base_import_id" bigint,
	"applied_import_id" bigint,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_email" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_status" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"ts_qualified" boolean,
	"ts_badges" text[] DEFAULT '{}'::text[] NOT NULL,
	"ts_data_through" date,
	"sp_areas_qualified" smallint,
	"sp_data_through" date,
	"data_through" date,
	"last_import_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_uploads" ADD CONSTRAINT "catalog_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_status" ADD CONSTRAINT "org_status_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_uploads_uploaded_idx" ON "catalog_uploads" USING btree ("uploaded_at");--> statement-breakpoint
CREATE INDEX "org_status_data_through_idx" ON "org_status" USING btree ("data_through");--> statement-breakpoint
CREATE INDEX "org_status_ts_qualified_idx" ON "org_status" USING btree ("org_id") WHERE "org_status"."ts_qualified";--> statement-breakpoint
CREATE INDEX "org_status_sp_qualified_idx" ON "org_status" USING btree ("org_id") WHERE "org_status"."sp_areas_qualified" > 0;--> statement-breakpoint
CREATE INDEX "organizations_name_search_idx" ON "organizations" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_partner_id_search_idx" ON "organizations" USING btree ("partner_id" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_unverified_idx" ON "organizations" USING btree ("name") WHERE not "organizations"."verified";--> statement-breakpoint
CREATE INDEX "designations_active_anniversary_idx" ON "designations" USING btree ("anniversary") WHERE "designations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "orders_awaiting_placed_idx" ON "orders" USING btree ("placed_at") WHERE "orders"."status" = 'awaiting_payment';--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_operator_has_no_org" CHECK (("users"."role"::text = 'operator') = ("users"."org_id" is null));