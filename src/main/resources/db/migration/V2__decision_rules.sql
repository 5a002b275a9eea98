-- Which rules fired for each decision, one row each, so "decisions where rule X fired" is an index lookup.
create table decision_rule (
    decision_id varchar(36)  not null references decision (id),
    sequence    integer      not null,
    rule_name   varchar(512) not null,
    primary key (decision_id, sequence)
);

create index decision_rule_name on decision_rule (rule_name);
create index decision_stage on decision (stage, evaluated_at);
create index decision_policy on decision (policy_version, evaluated_at);
