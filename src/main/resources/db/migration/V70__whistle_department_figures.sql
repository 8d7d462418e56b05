-- The whistle figures per department (WhistleMetricsQuery.figuresByDepartment, issue #15 part 2):
-- every summons counts, its agency's or the department's own where it keeps no agency in the street
-- (卫健、自然资源). Range on summoned_at, every column the aggregate reads in the index (covering, no
-- table access), as ix_whistle_summons_metrics does per agency.
create index ix_whistle_summons_dept_metrics on whistle_summons
    (summoned_at, dept_code, agency_code, org_code, late, reported_at, report_minutes, satisfaction);
