-- Enterprise tickets (政企通, DESIGN.md §2.5): the flag decides the audit by the business-environment office and the
-- revisit by a person; the company profile (name, unified social credit code per GB 32100-2015) is optional.
alter table ticket
    add column enterprise   boolean not null default false,
    add column company_name text,
    add column credit_code  text;
update ticket set enterprise = true where channel = 'ENTERPRISE_LINE' or grade like 'ENTERPRISE\_%';
create index ticket_enterprise_created_idx on ticket (created_at) where enterprise;

-- Hotspots and reports (DESIGN.md §2.8) read tickets by creation time and events by type and time.
create index ticket_created_idx on ticket (created_at);
create index ticket_event_type_time_idx on ticket_event (type, occurred_at);

-- Issued reports (the weekly report generated on Monday 08:00): one per kind and period, whichever instance
-- generates it first; the figures as issued, kept as the JSON the API answers.
create table report_issue (
    kind          text not null,
    period        text not null,
    generated_at  timestamptz not null,
    body          jsonb not null,
    primary key (kind, period)
);
