-- Indexes for every foreign key column (a delete of a user, slot or day no longer scans the
-- referencing table) and for the hot paths: the completion sweep, unread notifications.
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_companies_company_idx" ON "event_companies" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "events_created_by_idx" ON "events" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "notifications_event_idx" ON "notifications" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","created_at") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "availability_recruiter_idx" ON "availability" USING btree ("recruiter_id");--> statement-breakpoint
CREATE INDEX "chat_requests_cancelled_by_idx" ON "chat_requests" USING btree ("cancelled_by");--> statement-breakpoint
CREATE INDEX "chat_requests_company_fk_idx" ON "chat_requests" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "chat_requests_recruiter_fk_idx" ON "chat_requests" USING btree ("recruiter_id");--> statement-breakpoint
CREATE INDEX "chat_requests_sent_by_idx" ON "chat_requests" USING btree ("sent_by");--> statement-breakpoint
CREATE INDEX "chat_requests_suggested_recruiter_idx" ON "chat_requests" USING btree ("suggested_recruiter_id");--> statement-breakpoint
CREATE INDEX "chat_requests_slot_idx" ON "chat_requests" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "chat_requests_completion_due_idx" ON "chat_requests" USING btree ("ends_at") WHERE "chat_requests"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "credit_accounts_user_idx" ON "credit_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_request_idx" ON "credit_ledger" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_user_fk_idx" ON "credit_ledger" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "recruiter_chat_settings_recruiter_idx" ON "recruiter_chat_settings" USING btree ("recruiter_id");--> statement-breakpoint
CREATE INDEX "slots_event_day_idx" ON "slots" USING btree ("event_day_id");--> statement-breakpoint
CREATE INDEX "chat_attendance_user_idx" ON "chat_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "chat_participants_added_by_idx" ON "chat_participants" USING btree ("added_by");--> statement-breakpoint
CREATE INDEX "chat_participants_user_idx" ON "chat_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "messages_attachment_idx" ON "messages" USING btree ("attachment_id");--> statement-breakpoint
CREATE INDEX "conversation_reads_user_idx" ON "conversation_reads" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "desks_company_idx" ON "desks" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "desks_created_by_idx" ON "desks" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "event_sessions_created_by_idx" ON "event_sessions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "question_votes_user_idx" ON "question_votes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "questions_author_idx" ON "questions" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "session_attendance_user_idx" ON "session_attendance" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stage_requests_decided_by_idx" ON "stage_requests" USING btree ("decided_by");--> statement-breakpoint
CREATE INDEX "stage_requests_user_idx" ON "stage_requests" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_id");