#!/usr/bin/env bash
# The cluster faults of README "Running several instances", the long way: ClusterFaultsIT with 50 policy changes
# instead of 5, and PostgreSQL restarted under load (pg_ctlcluster: root, the machine's PostgreSQL 15). Three
# packaged instances on one schema (lq_cluster_it of PG_URL's database) behind HAProxy; the figures are printed and
# kept in target/cluster-faults/figures.txt. .ci/run runs the quick ones (SIGKILL, SIGTERM, 5 policy changes).
#
#   src/jmh/cluster/faults.sh                    # PG_URL defaults to jdbc:postgresql://127.0.0.1:5432/test
set -euo pipefail
cd "$(dirname "$0")/../../.."
pg_url=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}
./mvnw -B -q verify -Ppostgresql -Dtest.pg.url="$pg_url" -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterFaultsIT -Dlq.cluster.changes="${CHANGES:-50}" -Dlq.cluster.pg-restart="${PG_RESTART:-true}"
cat target/cluster-faults/figures.txt
