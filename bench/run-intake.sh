#!/usr/bin/env bash
# Intake benchmark, end to end: builds the jar, generates and imports a genealogy, starts Tracecase on its own port,
# data directory and embedded PostgreSQL port, runs bench/IntakeBenchmark.java against it, stops it and prints the
# result with the machine it ran on. See bench/README.md.
#
#   bench/run-intake.sh                                   # quick: 20k devices, 200 reports per phase, 500 earlier cases
#   BENCH_DEVICES=1000000 BENCH_EARLIER=10000 bench/run-intake.sh > full.log 2>&1 &
#   bench/run-intake.sh --camunda.bpm.job-execution.core-pool-size=2   # any further argument goes to the app
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-25432}
DEVICES=${BENCH_DEVICES:-20000}
SEED=${BENCH_SEED:-42}
REPORTS=${BENCH_REPORTS:-200}
WARMUP=${BENCH_WARMUP:-20}
EARLIER=${BENCH_EARLIER:-500}
CLIENTS=${BENCH_CLIENTS:-1,8}
TRACECASE=${BENCH_TRACECASE:-true}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
PG_STAT_STATEMENTS=${BENCH_PG_STAT_STATEMENTS:-false}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/tracecase-bench.XXXXXX)}
APP_ARGS=("$@")

if [[ "$PORT" == 8080 || "$DB_PORT" == 15432 ]]; then
	echo "Use other ports than 8080 and 15432 (the default run may be using them)" >&2
	exit 2
fi

if [[ "${BENCH_SKIP_BUILD:-false}" != true ]]; then
	echo "Building the jar ..."
	./mvnw -B -q -DskipTests package
fi
JAR=$(ls target/tracecase-*.jar | grep -v -- '-plain' | head -1)

export TRACECASE_DATA_DIR="$WORK/data"
export TRACECASE_EMBEDDED_DB_PORT="$DB_PORT"
export PORT
export TRACECASE_BASE_URL="http://localhost:$PORT"
export TRACECASE_MAIL_SINK_PORT=0
echo "Work directory: $WORK"

if [[ ! -d "$WORK/data/postgres" ]]; then
	java -cp target/classes bench/GenerateGenealogy.java "$DEVICES" "$SEED" "$WORK/genealogy"
	echo "Importing (log in $WORK/import.log) ..."
	started=$(date +%s)
	java $JAVA_OPTS -jar "$JAR" import "$WORK/genealogy" --tracecase.demo.data=false > "$WORK/import.log" 2>&1 || {
		tail -40 "$WORK/import.log" >&2
		exit 1
	}
	grep -E '^Imported' "$WORK/import.log" || true
	echo "Import with application start and stop: $(( $(date +%s) - started )) s"
	rm -rf "$WORK/genealogy"
fi
if [[ "$PG_STAT_STATEMENTS" == true ]]; then
	grep -q pg_stat_statements "$WORK/data/postgres/postgresql.conf" ||
		printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n" >> "$WORK/data/postgres/postgresql.conf"
fi

echo "Starting Tracecase on port $PORT (log in $WORK/app.log) ..."
java $JAVA_OPTS -jar "$JAR" --tracecase.demo.data=false "${APP_ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP_PID=$!
stop_app() {
	if kill -0 "$APP_PID" 2>/dev/null; then
		kill "$APP_PID"
		wait "$APP_PID" 2>/dev/null || true
	fi
}
trap stop_app EXIT
for _ in $(seq 1 300); do
	if curl -fsS "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
		break
	fi
	if ! kill -0 "$APP_PID" 2>/dev/null; then
		tail -40 "$WORK/app.log" >&2
		exit 1
	fi
	sleep 1
done

# the embedded server asks for its superuser's generated password
PGPASSWORD=$(cat "$WORK/data/postgres/tracecase-superuser-password" 2>/dev/null || true)
export PGPASSWORD
PSQL=(psql -h localhost -p "$DB_PORT" -U postgres -d tracecase -X -q -At)
PG_VERSION=$("${PSQL[@]}" -c 'show server_version' 2>/dev/null ||
	unzip -l "$JAR" | grep -o 'embedded-postgres-binaries-[a-z0-9-]*-[0-9.]*\.jar' | head -1)
if [[ "$PG_STAT_STATEMENTS" == true ]]; then
	"${PSQL[@]}" -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' -c 'SELECT pg_stat_statements_reset()' > /dev/null
fi

RESULT="$WORK/result.md"
java bench/IntakeBenchmark.java --url="http://localhost:$PORT" --devices="$DEVICES" --reports="$REPORTS" \
	--warmup="$WARMUP" --earlier="$EARLIER" --clients="$CLIENTS" --tracecase="$TRACECASE" --out="$RESULT"

if [[ "$PG_STAT_STATEMENTS" == true ]]; then
	"${PSQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::bigint AS total_ms,
		round((total_exec_time / calls)::numeric, 2) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
		FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 30" > "$WORK/pg_stat_statements.txt"
	echo "Top statements by total time: $WORK/pg_stat_statements.txt"
fi
INCIDENTS=$(curl -fsS -u admin:admin "http://localhost:$PORT/engine-rest/incident/count" || echo '?')
stop_app

{
	echo
	echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes)')"
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "Java: $(java -version 2>&1 | head -1); app options $JAVA_OPTS ${APP_ARGS[*]}"
	echo "PostgreSQL: $PG_VERSION (embedded)"
	echo "Job executor environment: $(env | grep -E '^TRACECASE_JOB_' | sort | tr '\n' ' ')"
	echo "Incidents after the run: $INCIDENTS"
	echo "Command: BENCH_DEVICES=$DEVICES BENCH_PG_STAT_STATEMENTS=$PG_STAT_STATEMENTS BENCH_REPORTS=$REPORTS BENCH_EARLIER=$EARLIER BENCH_CLIENTS=$CLIENTS BENCH_TRACECASE=$TRACECASE bench/run-intake.sh ${APP_ARGS[*]}"
} | tee -a "$RESULT"
echo "Result: $RESULT"
