-- The organisation model becomes administrable (the administrators' API and page /app/admin/org):
-- * streets/towns, departments and agencies can be deactivated instead of deleted (cases refer to
--   their codes); existing rows are active;
-- * districts, streets/towns, departments, agencies and people carry an optimistic-lock version,
--   so that of two administrators editing the same row at once the second gets 409;
-- * org_change records every change an administrator makes (who, when, what). It is a plain
--   log, not part of the hash-chained audit trail of the cases.
alter table org_district add column version bigint default 0 not null;

alter table org_unit add column active boolean default true not null;
alter table org_unit add column version bigint default 0 not null;

alter table org_department add column active boolean default true not null;
alter table org_department add column version bigint default 0 not null;

alter table org_agency add column active boolean default true not null;
alter table org_agency add column version bigint default 0 not null;

alter table org_person add column version bigint default 0 not null;

create table org_change (
    id            bigint        not null auto_increment primary key,
    changed_at    datetime(3)   not null,
    actor_id      varchar(64)   not null,
    action        varchar(32)   not null,
    entity_type   varchar(16)   not null,
    entity_code   varchar(64)   not null,
    detail        varchar(1000)
);
create index ix_org_change_entity on org_change (entity_type, entity_code);
