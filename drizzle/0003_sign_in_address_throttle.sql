CREATE TABLE "sign_in_address_failures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sign_in_address_failures_address_at_idx" ON "sign_in_address_failures" USING btree ("address","at");