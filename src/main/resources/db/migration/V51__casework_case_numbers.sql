-- The casework kernel: one counter table for the case numbers of every workflow (PREFIX-YYYY-NNNN),
-- replacing dlg_case_number (FQ, SH), appt_case_counter (RM, JY) and whistle_case_counter (CS).
create table case_number_counter (
    prefix        varchar(8)   not null,
    counter_year  int          not null,
    last_number   int          not null,
    constraint pk_case_number_counter primary key (prefix, counter_year)
);

insert into case_number_counter (prefix, counter_year, last_number)
    select prefix, case_year, last_number from dlg_case_number;
insert into case_number_counter (prefix, counter_year, last_number)
    select prefix, counter_year, last_number from appt_case_counter;
insert into case_number_counter (prefix, counter_year, last_number)
    select 'CS', case_year, last_number from whistle_case_counter;

drop table dlg_case_number;
drop table appt_case_counter;
drop table whistle_case_counter;
