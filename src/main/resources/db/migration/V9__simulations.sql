-- Simulations (README: Know before you change): a candidate policy evaluated over a population beside the serving
-- one, run as a job. The row keeps its status and progress while it runs and its report once done, so a restart
-- loses no finished report; a job a restart interrupted is marked FAILED at start-up.
create table simulation (
    id                varchar(36)  not null primary key,
    -- QUEUED, RUNNING, DONE, FAILED
    status            varchar(16)  not null,
    submitted_by      varchar(128) not null,
    submitted_at      timestamp with time zone not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    baseline_version  varchar(12)  not null,
    candidate_version varchar(12)  not null,
    -- the candidate's check report (as POST /api/v1/policy/validate answers it), JSON
    candidate_checks  text         not null,
    -- where the leads come from, JSON
    population        text         not null,
    processed         bigint       not null,
    total             bigint,
    -- members neither policy could evaluate, and the first few of them (JSON), once done
    failed            bigint       not null,
    report            text,
    error             varchar(2000)
);
create index simulation_submitted on simulation (submitted_at);

-- The population members whose verdict changed, in the order they were evaluated (seq), each with both verdicts
-- and the rules that fired under one policy and not the other (JSON): the pages of GET …/changes.
create table simulation_change (
    simulation_id varchar(36)  not null,
    seq           bigint       not null,
    lead_id       varchar(128) not null,
    as_of         timestamp with time zone not null,
    change_json   text         not null,
    primary key (simulation_id, seq)
);
