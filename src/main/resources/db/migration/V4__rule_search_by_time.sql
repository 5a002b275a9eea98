-- "Decisions where rule X fired", newest first, straight from one index: one row per rule per decision
-- (its first firing; the full firing order stays in decision.fired_rules), carrying the evaluation time.
delete from decision_rule where exists (
    select 1 from decision_rule earlier
    where earlier.decision_id = decision_rule.decision_id and earlier.rule_name = decision_rule.rule_name
      and earlier.sequence < decision_rule.sequence);
alter table decision_rule add column evaluated_at timestamp with time zone;
update decision_rule set evaluated_at = (select d.evaluated_at from decision d where d.id = decision_rule.decision_id);
alter table decision_rule alter column evaluated_at set not null;
drop index decision_rule_name;
create index decision_rule_name_time on decision_rule (rule_name, evaluated_at desc, decision_id desc);
-- From a decision to its rules: what a search by rule and lead (or stage, route, version) joins on.
create unique index decision_rule_decision_name on decision_rule (decision_id, rule_name);
