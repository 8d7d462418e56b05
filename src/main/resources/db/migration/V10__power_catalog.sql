-- Power catalog (权责清单事项) and the delegated powers published per street/town (赋权目录).
-- Portable SQL (H2 2.x and MariaDB 10.11+). Department and street/town codes refer to the
-- organisation model (seeded at start-up, so no foreign keys to it here).

create table dlg_power_item (
    code          varchar(32)   not null primary key,
    name          varchar(128)  not null,
    -- LICENSING | PENALTY | COERCION | INSPECTION | PUBLIC_SERVICE | OTHER
    category      varchar(32)   not null,
    -- policy domain of CONTRACT.md (town domains, street domains, URBAN_MANAGEMENT)
    domain        varchar(32)   not null,
    dept_code     varchar(16)   not null,
    legal_basis   varchar(1000) not null
);
create index ix_dlg_power_item_dept on dlg_power_item (dept_code);

-- readable case numbers (FQ-2026-0001) per prefix and year
create table dlg_case_number (
    prefix        varchar(8)    not null,
    case_year     int           not null,
    last_number   int           not null,
    constraint pk_dlg_case_number primary key (prefix, case_year)
);
