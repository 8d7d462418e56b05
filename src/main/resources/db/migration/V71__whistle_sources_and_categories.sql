-- The whistle's closed loop (issue #15 part 2, 003: 前端发现报告—网上分流移交): where the problem was found
-- (街道巡查 / 网格员 / 12345 热线, with its ticket number / 居民), what kind it is (its category routes it to
-- departments by processes/whistle-routing.dmn), why the street summoned others than the rule gives,
-- and how each department came to be summoned (RULE, STREET, ADDED mid-case). Earlier cases: the
-- street's patrol, category OTHER, every summons the street's choice.
alter table whistle_case add column source varchar(16) default 'PATROL' not null;
alter table whistle_case add column hotline_ticket_no varchar(32);
alter table whistle_case add column category varchar(32) default 'OTHER' not null;
alter table whistle_case add column routing_reason varchar(1000);
alter table whistle_case add constraint ck_whistle_case_source check (source in ('PATROL', 'GRID', 'HOTLINE', 'RESIDENT'));
alter table whistle_case add constraint ck_whistle_case_category check (category in ('STREET_VENDING',
    'ILLEGAL_CONSTRUCTION', 'SANITATION', 'NOISE', 'FOOD_SAFETY', 'PUBLIC_SECURITY', 'PUBLIC_HEALTH', 'LAND_USE', 'OTHER'));
alter table whistle_summons add column origin varchar(16) default 'STREET' not null;
alter table whistle_summons add constraint ck_whistle_summons_origin check (origin in ('RULE', 'STREET', 'ADDED'));
-- the figures per category and source (WhistleMetricsQuery.figuresByCategory): range on created_at, covering
create index ix_whistle_case_category_metrics on whistle_case (created_at, category, source, status, satisfaction);
-- 巡查—制止—移交执法 (002: 通过说服、教育和制止等方式解决,制止无效的移交相关部门进行执法): a whistle may start with
-- the street's own dissuasion; its note and whether it worked (then the case ends STOPPED, no department summoned)
alter table whistle_case add column stop_first boolean default false not null;
alter table whistle_case add column dissuade_note varchar(2000);
alter table whistle_case add column dissuaded_at datetime(3);
