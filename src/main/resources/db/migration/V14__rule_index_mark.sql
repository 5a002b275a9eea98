-- The rule index (decision_rule_hit) is written a little behind the trail, in large batches, instead of in each
-- group of decisions: the mark is the last place in the chain indexed. Everything recorded so far is indexed.
create table rule_index_mark (
    id          integer not null primary key,
    indexed_seq bigint  not null
);
insert into rule_index_mark (id, indexed_seq) select 1, coalesce(max(chain_seq), 0) from decision;
