-- Organisation model: district, streets/towns, departments, dispatched agencies, people, posts.
-- Portable SQL (H2 2.x and MariaDB 10.11+). Codes are the natural keys used everywhere else.

create table org_district (
    code        varchar(16)  not null primary key,
    name        varchar(64)  not null
);

-- streets (街道) and towns (镇); central streets get street powers only (see DOMAIN.md)
create table org_unit (
    code          varchar(16)  not null primary key,
    name          varchar(64)  not null,
    district_code varchar(16)  not null,
    unit_type     varchar(16)  not null,
    central       boolean      not null,
    constraint fk_org_unit_district foreign key (district_code) references org_district (code),
    constraint ck_org_unit_type check (unit_type in ('STREET', 'TOWN'))
);

-- district functional departments (职能部门)
create table org_department (
    code          varchar(16)  not null primary key,
    name          varchar(64)  not null,
    district_code varchar(16)  not null,
    constraint fk_org_department_district foreign key (district_code) references org_district (code)
);

-- dispatched agencies (派驻机构): owned by a department, stationed in a street/town
create table org_agency (
    code          varchar(40)  not null primary key,
    name          varchar(64)  not null,
    dept_code     varchar(16)  not null,
    org_code      varchar(16)  not null,
    head_name     varchar(64),
    head_title    varchar(128),
    head_since    date,
    constraint fk_org_agency_dept foreign key (dept_code) references org_department (code),
    constraint fk_org_agency_org foreign key (org_code) references org_unit (code),
    constraint uq_org_agency_pair unique (org_code, dept_code)
);

-- people who log in; username is the Camunda user id
create table org_person (
    username      varchar(64)  not null primary key,
    family_name   varchar(32)  not null,
    given_name    varchar(32)  not null,
    email         varchar(128),
    active        boolean      not null,
    -- true while the person still has the demo password "demo" given by the demo seed
    demo_credentials boolean   not null
);

-- a person's post; each post gives exactly one Camunda group membership
create table org_post (
    id            bigint       not null auto_increment primary key,
    username      varchar(64)  not null,
    role          varchar(32)  not null,
    unit_code     varchar(40),
    title         varchar(128) not null,
    constraint fk_org_post_person foreign key (username) references org_person (username),
    constraint uq_org_post unique (username, role, unit_code)
);
create index ix_org_post_unit on org_post (role, unit_code);
