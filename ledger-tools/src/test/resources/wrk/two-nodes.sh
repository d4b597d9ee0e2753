#!/bin/bash
# Two service nodes on one PostgreSQL against one node, each loaded by wrk in its own process:
# 16 connections registering households (register-households.lua), 30 s after 20 s of warm-up.
# Node A is LoadTarget on its embedded PostgreSQL (fixed port); node B is LoadTarget on A's
# database. Both get the same PII keys. See BENCHMARKS.md (issue 17, two nodes).
#   ledger-tools/src/test/resources/wrk/two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/../../../../.."
./mvnw -q -pl ledger-tools -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
CP="ledger-tools/target/test-classes:ledger-tools/target/classes:ledger-api/target/classes:ledger-projections/target/classes:ledger-core/target/classes:$(cat ledger-tools/target/cp.txt)"
KEYS="--ledger.pii.master-key=$(openssl rand -base64 32) --ledger.pii.index-key=$(openssl rand -base64 32)"
PG_PORT=${PG_PORT:-55432}
SCRIPT=ledger-tools/src/test/resources/wrk/register-households.lua
LOGS=$(mktemp -d)
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

node() { # port, log, extra properties
  java -Xmx512m -Daxoniq.update-checker.disabled=true -cp "$CP" se.benefitledger.tools.benchmark.LoadTarget \
       --server.port="$1" $KEYS "${@:3}" > "$2" 2>&1 &
  pids+=($!)
  until grep -q "load target ready" "$2"; do sleep 1; if ! kill -0 "${pids[-1]}" 2>/dev/null; then cat "$2"; exit 1; fi; done
}

run() { # label, urls…: 16 connections and 2 wrk threads in all, shared between the urls
  local label=$1; shift
  local connections=$((16 / $#)) threads=$((2 / $#)) wrks=() i=0
  for url in "$@"; do wrk -t$threads -c$connections -d20s --timeout 30s -s $SCRIPT "$url" > /dev/null & wrks+=($!); done
  wait "${wrks[@]}"; wrks=()
  for url in "$@"; do
    wrk -t$threads -c$connections -d30s --timeout 30s --latency -s $SCRIPT "$url" > "$LOGS/$label-$i.txt" & wrks+=($!); i=$((i + 1))
  done
  wait "${wrks[@]}"
  for f in "$LOGS/$label"-*.txt; do echo "== $label, $(basename "$f" .txt)"; grep -E "Requests/sec|50%|99%|Non-2xx|Socket errors" "$f"; done
}

node 18080 "$LOGS/a.log" --ledger.embedded-postgres.port=$PG_PORT
run one-node http://localhost:18080
node 18081 "$LOGS/b.log" --spring.datasource.url=jdbc:postgresql://localhost:$PG_PORT/benefit_ledger \
     --spring.datasource.username=ledger_service --spring.flyway.user=postgres
run two-nodes http://localhost:18080 http://localhost:18081
