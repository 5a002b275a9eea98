-- The shadow policy attached (at most one): which stored version, the candidate that attached it, who and when.
-- Its agreement statistics are kept in memory only (see README, Shadow policies).
create table policy_shadow (
    id           integer      not null primary key,
    version      varchar(12)  not null references policy_version (version),
    candidate_id bigint       not null references policy_candidate (id),
    based_on     varchar(12),
    attached_at  timestamp with time zone not null,
    attached_by  varchar(128) not null
);
