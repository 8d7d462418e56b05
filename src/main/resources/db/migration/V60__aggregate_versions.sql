-- Optimistic locking of the aggregates that two officials can update at the same moment (issue #10):
-- two tasks, two cases or a REST call and a task changing the same row. Each update checks and
-- increments version; the second of two concurrent updates fails (answered 409, "refresh and retry")
-- instead of silently overwriting the first.
alter table dlg_case add column version bigint default 0 not null;
alter table dlg_delegated_power add column version bigint default 0 not null;
alter table dlg_revocation add column version bigint default 0 not null;
alter table appt_case add column version bigint default 0 not null;
alter table appt_suggestion add column version bigint default 0 not null;
alter table whistle_case add column version bigint default 0 not null;
alter table assessment_campaign add column version bigint default 0 not null;
alter table assessment_case add column version bigint default 0 not null;
-- (org_agency has its version since V58)
