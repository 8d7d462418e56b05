-- Files attached to a case (案件附件): the appointment dossier, legal basis documents, whistle photos.
-- case_attachment holds what is known of each file; its content is in case_attachment_content
-- (app.attachments.store=database, the default) or in a file named after the id under
-- app.attachments.dir (store=directory), never both. sha256 is of the content as uploaded, so a
-- download can be checked against what the audit trail recorded. A removed file keeps its row and
-- content (deleted_at, deleted_by): the trail records both the upload and the removal.
create table case_attachment (
    id                   bigint        not null auto_increment primary key,
    case_no              varchar(64)   not null,
    process_instance_id  varchar(64)   not null,
    process_key          varchar(255)  not null,
    kind                 varchar(32)   not null,
    file_name            varchar(255)  not null,
    content_type         varchar(128)  not null,
    size_bytes           bigint        not null,
    sha256               varchar(64)   not null,
    note                 varchar(500),
    stored_in            varchar(16)   not null,
    uploaded_by          varchar(64)   not null,
    uploaded_at          datetime(3)   not null,
    deleted_by           varchar(64),
    deleted_at           datetime(3),
    constraint ck_case_attachment_kind check (kind in ('DOSSIER', 'LEGAL_BASIS', 'PHOTO', 'OTHER')),
    constraint ck_case_attachment_store check (stored_in in ('DATABASE', 'DIRECTORY'))
);
create index ix_case_attachment_case on case_attachment (process_instance_id, deleted_at);

create table case_attachment_content (
    attachment_id  bigint    not null primary key,
    content        longblob  not null,
    constraint fk_case_attachment_content_attachment foreign key (attachment_id) references case_attachment (id)
);
