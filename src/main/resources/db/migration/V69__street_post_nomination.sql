-- 福田路径 (issue #15, part 5): a street committee may also propose the holder of one of its own posts
-- (纪工委书记、工会主席、团工委书记、妇联主席、武装部部长); the competent department consents and the
-- organisation department approves (consultation-mode.dmn, mode STREET_PROPOSAL). Such a suggestion
-- names no agency: agency_code becomes optional (re-created, as H2 and MariaDB differ in how a column
-- drops NOT NULL), and the suggestion keeps the post, the candidate and both answers.
alter table appt_suggestion add column agency_code_new varchar(40);
update appt_suggestion set agency_code_new = agency_code;
alter table appt_suggestion drop column agency_code;
alter table appt_suggestion rename column agency_code_new to agency_code;

-- AGENCY_HEAD for every earlier suggestion (the head of a dispatched agency)
alter table appt_suggestion add column post_type varchar(40) default 'AGENCY_HEAD' not null;
alter table appt_suggestion add column candidate_name varchar(100);
alter table appt_suggestion add column consent_comment varchar(2000);
alter table appt_suggestion add column consented_by varchar(64);
alter table appt_suggestion add column consented_at datetime(3);
alter table appt_suggestion add column approved_by varchar(64);
alter table appt_suggestion add column approved_at datetime(3);
alter table appt_suggestion add constraint ck_appt_suggestion_post check (post_type in ('AGENCY_HEAD',
    'DISCIPLINE_SECRETARY', 'UNION_CHAIR', 'YOUTH_LEAGUE_SECRETARY', 'WOMEN_FEDERATION_CHAIR', 'ARMED_FORCES_HEAD'));
