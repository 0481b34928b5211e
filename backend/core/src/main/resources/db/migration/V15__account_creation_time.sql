-- Every account has a creation time (decision 0032). V11 added app_user.created_at without one for the accounts that
-- existed, and the demo seeding kept inserting accounts without it, so the seeded accounts answered createdAt null.
-- The seeding now sets it; the accounts seeded before get the best time known for them: when this database was set up
-- (Flyway's first recorded migration, run by the start that seeded them), and never later than their first recorded
-- change; now() only if neither is known. Flyway records installed_on without a time zone, in its session's zone,
-- which is the zone this migration runs in.
update app_user u
   set created_at = coalesce(least(
           (select min(h.installed_on)::timestamptz from flyway_schema_history h where h.success),
           (select min(e.occurred_at) from user_admin_event e where e.user_id = u.id)),
       now())
 where created_at is null;

-- An account inserted without one (a script, another app's test fixture) gets the time of its insert.
alter table app_user alter column created_at set default now();
alter table app_user alter column created_at set not null;
