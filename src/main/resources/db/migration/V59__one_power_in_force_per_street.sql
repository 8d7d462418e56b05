-- A power of the catalog is in force at most once per street/town (issue #10): before this, two
-- cases approved for the same item x street/town each published it.
-- * in_force_key is "item@org" while the row is ACTIVE and null once it is REVOKED. The database
--   derives it from status (a generated column), so no writer can forget it; the unique index on it
--   allows any number of revoked rows of an item x street/town and one in force.
-- * Rows published twice before this migration: the earliest stays in force, later duplicates are
--   revoked as of the moment they were published (they never were a delegation of their own).
-- * dlg_case.closing_note says why a case closed as it did when the outcome alone does not (e.g.
--   approved, but a power was already in force when it came to be published).
update dlg_delegated_power set status = 'REVOKED', revoked_at = published_at
 where id in (select id from (
        select later.id from dlg_delegated_power later
          join dlg_delegated_power earlier on earlier.item_code = later.item_code
           and earlier.org_code = later.org_code and earlier.status = 'ACTIVE' and earlier.id < later.id
         where later.status = 'ACTIVE') duplicates);

alter table dlg_delegated_power add column in_force_key varchar(64)
    generated always as (case when status = 'ACTIVE' then concat(item_code, '@', org_code) end);
alter table dlg_delegated_power add constraint uq_dlg_delegated_power_in_force unique (in_force_key);

alter table dlg_case add column closing_note varchar(1000);
