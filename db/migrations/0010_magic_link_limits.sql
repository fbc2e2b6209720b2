CREATE TABLE "magic_link_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "magic_link_requests_email_idx" ON "magic_link_requests" USING btree ("email","requested_at");--> statement-breakpoint
CREATE INDEX "magic_link_requests_ip_idx" ON "magic_link_requests" USING btree ("ip","requested_at");