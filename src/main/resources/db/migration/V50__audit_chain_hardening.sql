-- The audit chain resists someone who can write to the database (issue #9):
-- * audit_record.hash becomes an HMAC-SHA256 with a key kept outside the database (APP_AUDIT_KEY)
--   over length-prefixed fields. hash_version says how a row was hashed: 1 = the unkeyed SHA-256
--   of V2 (rows written before this migration: they can no longer be vouched for and verify as
--   "no key protection"), 2 = keyed.
-- * audit_chain_head: one row per case with the seq and hash of its last record, sealed with the
--   same key (head_hash) and updated in the transaction of every append (the row is locked for it),
--   so that deleting the last records of a case, or all of them, is detected.
-- * occurred_at and updated_at hold UTC, whatever the zone of the JVM that wrote them.
alter table audit_record add column hash_version int default 1 not null;

create table audit_chain_head (
    process_instance_id varchar(64)  not null primary key,
    last_seq            int          not null,
    last_hash           varchar(64)  not null,
    updated_at          datetime(3)  not null,
    head_hash           varchar(64)  not null
);
