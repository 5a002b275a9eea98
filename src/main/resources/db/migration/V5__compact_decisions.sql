-- Compact decision rows: each fact is stored once.
-- New rows keep what search filters on as columns and everything else (checklist, SLA, reasons, fired
-- rules, the input) in one compressed body; the JSON columns stay for rows recorded before, which still
-- read back and verify as they were written.
alter table decision add column body bytea;
alter table decision alter column fired_rules drop not null;
alter table decision alter column input_json drop not null;
alter table decision alter column output_json drop not null;

-- The person's data is found through its decision: the lead id was a second copy.
drop index decision_personal_lead;
alter table decision_personal_data drop column lead_id;

-- Rule names once, in a table of their own; the rule index refers to them and to the decision's place in
-- the chain by number instead of repeating a 36-character id and the rule's name in every row.
create table rule_name (
    id   integer      not null primary key,
    name varchar(512) not null unique
);
insert into rule_name (id, name)
select row_number() over (order by rule_name), rule_name from (select distinct rule_name from decision_rule) names;

create table decision_rule_hit (
    rule_id      integer not null,
    evaluated_at timestamp with time zone not null,
    decision_seq bigint  not null
);
insert into decision_rule_hit (rule_id, evaluated_at, decision_seq)
select n.id, r.evaluated_at, d.chain_seq
from decision_rule r join rule_name n on n.name = r.rule_name join decision d on d.id = r.decision_id
where d.chain_seq is not null;
-- "Decisions where rule X fired", newest first, straight from the index; also answers "did rule X fire
-- for this decision" given the decision's evaluation time.
create unique index decision_rule_hit_order on decision_rule_hit (rule_id, evaluated_at desc, decision_seq desc);
drop table decision_rule;
