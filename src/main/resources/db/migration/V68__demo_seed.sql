-- One row per demo seed that ran (cn.streetgov.demo.DemoCaseSeeder): the node whose insert goes in
-- first seeds the demo cases; another node starting on the same empty database fails on the key and
-- seeds nothing.
create table demo_seed (
    name                       varchar(64)   not null,
    seeded_at                  datetime(3)   not null,
    constraint pk_demo_seed primary key (name)
);
