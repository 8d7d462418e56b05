-- Issue 15 part 1: the street's duty list (履职清单) per street/town, versioned and public; the
-- departments' applications to hand a duty to streets (事权事务准入, duty-admission); a street's
-- hand-back of a duty (退出, duty-exit). Portable SQL (H2 2.x and MariaDB 10.11+).

-- the district's base list (街道党政权责清单, 004: "归纳为20条主要职责") that every street/town starts
-- with: version 1 of its list is written from these rows by DutyListSeeder for every street/town
-- without a list. dept_code: the district department that guides the duty (the one asked when a
-- street hands it back); null for the street's own duties, which cannot be handed back.
create table duty_base_item (
    code         varchar(40)   not null primary key,
    name         varchar(200)  not null,
    category     varchar(24)   not null,
    dept_code    varchar(16),
    sort_order   int           not null,
    constraint ck_duty_base_item_category check (category in
        ('PARTY_BUILDING', 'URBAN_MANAGEMENT', 'SOCIAL_MANAGEMENT', 'PUBLIC_SERVICE'))
);

insert into duty_base_item (code, name, category, dept_code, sort_order) values
('DJ-01', '统筹辖区党的建设，加强基层党组织建设', 'PARTY_BUILDING', null, 1),
('DJ-02', '推进区域化党建和社区党建工作', 'PARTY_BUILDING', null, 2),
('DJ-03', '党员教育管理和党风廉政建设', 'PARTY_BUILDING', null, 3),
('DJ-04', '意识形态、精神文明建设和统一战线工作', 'PARTY_BUILDING', null, 4),
('DJ-05', '群团组织建设和志愿服务工作', 'PARTY_BUILDING', null, 5),
('CS-01', '市容环境卫生和“门前三包”日常监督', 'URBAN_MANAGEMENT', 'CGZF', 6),
('CS-02', '违法建设的巡查、发现和报告', 'URBAN_MANAGEMENT', 'CGZF', 7),
('CS-03', '城市道路、绿化等公共设施的日常巡查', 'URBAN_MANAGEMENT', 'CGZF', 8),
('CS-04', '生活垃圾分类的组织实施', 'URBAN_MANAGEMENT', 'CGZF', 9),
('CS-05', '统筹指挥辖区综合行政执法力量', 'URBAN_MANAGEMENT', 'CGZF', 10),
('SH-01', '社会治安综合治理和平安建设', 'SOCIAL_MANAGEMENT', 'GA', 11),
('SH-02', '矛盾纠纷排查调处和信访工作', 'SOCIAL_MANAGEMENT', null, 12),
('SH-03', '食品安全协管和市场秩序巡查', 'SOCIAL_MANAGEMENT', 'SCJG', 13),
('SH-04', '流动人口和出租屋服务管理', 'SOCIAL_MANAGEMENT', 'GA', 14),
('SH-05', '安全生产、应急管理和防灾减灾', 'SOCIAL_MANAGEMENT', null, 15),
('GF-01', '基本公共卫生服务和爱国卫生运动', 'PUBLIC_SERVICE', 'WJ', 16),
('GF-02', '社会救助、养老服务和残疾人服务', 'PUBLIC_SERVICE', null, 17),
('GF-03', '就业创业和社会保障事项的受理', 'PUBLIC_SERVICE', null, 18),
('GF-04', '计划生育服务和家庭发展', 'PUBLIC_SERVICE', 'WJ', 19),
('GF-05', '社区文化、体育和全民健身服务', 'PUBLIC_SERVICE', null, 20);

-- one published version of a street's list; version 1 is the base list, each admitted or handed
-- back duty publishes the next one (case_no: the case that changed the list)
create table duty_list_version (
    id            bigint        not null auto_increment primary key,
    org_code      varchar(16)   not null,
    list_version  int           not null,
    published_at  datetime(3)   not null,
    case_no       varchar(32),
    change_note   varchar(300)  not null,
    constraint uq_duty_list_version unique (org_code, list_version),
    constraint fk_duty_list_version_org foreign key (org_code) references org_unit (code)
);

-- one duty on a street's list: in the versions from added_in_version up to (not including)
-- removed_in_version; the current list is the rows with removed_in_version null
create table duty_item (
    id                  bigint         not null auto_increment primary key,
    org_code            varchar(16)    not null,
    code                varchar(40)    not null,
    name                varchar(200)   not null,
    category            varchar(24)    not null,
    source              varchar(16)    not null,
    case_no             varchar(32),
    dept_code           varchar(16),
    staff               int            not null,
    funds               decimal(12, 2) not null,
    conditions          varchar(1000),
    valid_from          date           not null,
    added_in_version    int            not null,
    removed_in_version  int,
    removed_case_no     varchar(32),
    constraint uq_duty_item_code unique (org_code, code),
    constraint fk_duty_item_org foreign key (org_code) references org_unit (code),
    constraint ck_duty_item_category check (category in
        ('PARTY_BUILDING', 'URBAN_MANAGEMENT', 'SOCIAL_MANAGEMENT', 'PUBLIC_SERVICE')),
    constraint ck_duty_item_source check (source in ('ORIGINAL', 'ADMITTED'))
);
create index ix_duty_item_org on duty_item (org_code, removed_in_version);

-- a department's application to hand a duty or recurring task to streets (事权事务准入)
create table duty_admission_case (
    id                   bigint         not null auto_increment primary key,
    case_no              varchar(32)    not null,
    process_instance_id  varchar(64),
    dept_code            varchar(16)    not null,
    name                 varchar(200)   not null,
    description          varchar(2000)  not null,
    category             varchar(24)    not null,
    legal_basis          varchar(1000)  not null,
    staff                int            not null,
    funds                decimal(12, 2) not null,
    start_date           date           not null,
    reason               varchar(1000)  not null,
    status               varchar(24)    not null,
    -- the negative list's answer (DMN duty-admission-check) when it refused the application
    rule_item            varchar(40),
    rule_reason          varchar(500),
    decision             varchar(32),
    decision_comment     varchar(1000),
    decided_by           varchar(64),
    decided_at           datetime(3),
    started_by           varchar(64),
    created_at           datetime(3)    not null,
    closed_at            datetime(3),
    constraint uq_duty_admission_case_no unique (case_no),
    constraint fk_duty_admission_case_dept foreign key (dept_code) references org_department (code),
    constraint ck_duty_admission_case_category check (category in
        ('PARTY_BUILDING', 'URBAN_MANAGEMENT', 'SOCIAL_MANAGEMENT', 'PUBLIC_SERVICE'))
);
create index ix_duty_admission_case_dept on duty_admission_case (dept_code, created_at);

-- one target street/town of an application: its committee's opinion and the result for it
create table duty_admission_target (
    id               bigint         not null auto_increment primary key,
    case_id          bigint         not null,
    org_code         varchar(16)    not null,
    -- PENDING (opinion asked), ALREADY_LISTED, AGREE, AGREE_WITH_CONDITIONS, DISAGREE,
    -- ADMITTED, REFUSED, NOT_ADMITTED (the street disagreed), REFUSED_BY_RULES
    status           varchar(24)    not null,
    opinion          varchar(32),
    opinion_comment  varchar(1000),
    opinion_by       varchar(64),
    opinion_at       datetime(3),
    duty_code        varchar(40),
    constraint uq_duty_admission_target unique (case_id, org_code),
    constraint fk_duty_admission_target_case foreign key (case_id) references duty_admission_case (id),
    constraint fk_duty_admission_target_org foreign key (org_code) references org_unit (code)
);
create index ix_duty_admission_target_org on duty_admission_target (org_code, status);

-- a street's request to hand back a duty of its list (退出)
create table duty_exit_case (
    id                   bigint         not null auto_increment primary key,
    case_no              varchar(32)    not null,
    process_instance_id  varchar(64),
    org_code             varchar(16)    not null,
    duty_code            varchar(40)    not null,
    duty_name            varchar(200)   not null,
    dept_code            varchar(16)    not null,
    reason               varchar(1000)  not null,
    status               varchar(24)    not null,
    dept_opinion         varchar(32),
    dept_comment         varchar(1000),
    decision             varchar(32),
    decision_comment     varchar(1000),
    decided_by           varchar(64),
    started_by           varchar(64),
    created_at           datetime(3)    not null,
    closed_at            datetime(3),
    constraint uq_duty_exit_case_no unique (case_no),
    constraint fk_duty_exit_case_org foreign key (org_code) references org_unit (code)
);
create index ix_duty_exit_case_org on duty_exit_case (org_code, created_at);
