-- The index is changed in place, not dropped and rebuilt as drizzle-kit writes it (the same index
-- after either), and the pending list that grew to 4 MB is merged into the index now.
ALTER INDEX "clients_search_text_trgm" SET (gin_pending_list_limit = 256);--> statement-breakpoint
SELECT gin_clean_pending_list('clients_search_text_trgm');
