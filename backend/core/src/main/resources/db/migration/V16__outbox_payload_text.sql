-- The outbox holds each payload for the moment between its commit and the relay (decision 0042): nothing queries
-- inside it, so it is kept as the text Jackson wrote. As jsonb, PostgreSQL parsed every payload into its binary form
-- and printed it back for the relay: a CTI batch of 2,000 events (~0.5 MB) cost ~25 ms to store and ~2.5 ms to read.
alter table outbox alter column payload type text using payload::text;
