CREATE TABLE "sp_snapshots" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"import_id" bigint NOT NULL,
	"ruleset" text NOT NULL,
	"data_through" date NOT NULL,
	"inputs" jsonb NOT NULL,
	"remaining" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sp_snapshots" ADD CONSTRAINT "sp_snapshots_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "certifications_org_expires_idx" ON "certifications" USING btree ("org_id","expires_on");