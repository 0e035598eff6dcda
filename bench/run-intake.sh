#!/usr/bin/env bash
# Intake benchmark, end to end: builds the jar, generates and imports a genealogy, starts Tracecase on its own port,
# data directory and embedded PostgreSQL port, runs bench/IntakeBenchmark.java against it, stops it and prints the
# result with the machine it ran on. See bench/README.md.
#
#   bench/run-intake.sh                                   # quick: 20k devices, 200 reports per phase, 500 earlier cases
#   BENCH_DEVICES=1000000 BENCH_EARLIER=10000 bench/run-intake.sh > full.log 2>&1 &
#   bench/run-intake.sh --camunda.bpm.job-execution.core-pool-size=2   # any further argument goes to the app
#   BENCH_NODES=2 bench/run-intake.sh                     # a second node on the first one's database, clients split
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
NODES=${BENCH_NODES:-1}
# with two nodes, the first node's SMTP sink takes every node's mail, so a mail sent twice would show
SINK_PORT=${BENCH_SINK_PORT:-12525}
WORK=${BENCH_WORK:-$(mktemp -d /tmp/tracecase-bench.XXXXXX)}
APP_ARGS=("$@")

if [[ "$NODES" != 1 && "$NODES" != 2 ]]; then
	echo "BENCH_NODES is 1 or 2" >&2
	exit 2
fi
if [[ "$PORT" == 8080 || "$DB_PORT" == 15432 || "$((PORT + 1))" == 8080 ]]; then
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
[[ "$NODES" == 2 ]] && export TRACECASE_MAIL_SINK_PORT="$SINK_PORT"
echo "Work directory: $WORK"

if [[ ! -d "$WORK/data/postgres" ]]; then
	java -cp target/classes bench/GenerateGenealogy.java "$DEVICES" "$SEED" "$WORK/genealogy"
	echo "Importing (log in $WORK/import.log) ..."
	started=$(date +%s)
	# GNU time, where installed, tells the importing JVM's largest resident set
	TIME=()
	[[ -x /usr/bin/time ]] && TIME=(/usr/bin/time -v)
	"${TIME[@]}" java $JAVA_OPTS -jar "$JAR" import "$WORK/genealogy" --tracecase.demo.data=false > "$WORK/import.log" 2>&1 || {
		tail -40 "$WORK/import.log" >&2
		exit 1
	}
	grep -E '^Imported|Maximum resident set size' "$WORK/import.log" || true
	echo "Import with application start and stop: $(( $(date +%s) - started )) s"
	rm -rf "$WORK/genealogy"
fi
if [[ "$PG_STAT_STATEMENTS" == true ]]; then
	grep -q pg_stat_statements "$WORK/data/postgres/postgresql.conf" ||
		printf "shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n" >> "$WORK/data/postgres/postgresql.conf"
fi

wait_for_health() { # port pid log
	for _ in $(seq 1 300); do
		if curl -fsS "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"UP"'; then
			return 0
		fi
		if ! kill -0 "$2" 2>/dev/null; then
			tail -40 "$3" >&2
			exit 1
		fi
		sleep 1
	done
}

echo "Starting Tracecase on port $PORT (log in $WORK/app.log) ..."
java $JAVA_OPTS -jar "$JAR" --tracecase.demo.data=false \
	--camunda.bpm.generic-properties.properties.hostname=node-1 "${APP_ARGS[@]}" > "$WORK/app.log" 2>&1 &
APP_PID=$!
APP2_PID=
stop_app() {
	for pid in $APP2_PID $APP_PID; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid"
			wait "$pid" 2>/dev/null || true
		fi
	done
}
trap stop_app EXIT
wait_for_health "$PORT" "$APP_PID" "$WORK/app.log"
URLS="http://localhost:$PORT"
if [[ "$NODES" == 2 ]]; then
	# the second node: the same jar and settings on the first node's database, its mail to the first node's sink
	echo "Starting the second node on port $((PORT + 1)) (log in $WORK/app2.log) ..."
	TRACECASE_DB_URL="jdbc:postgresql://localhost:$DB_PORT/tracecase" TRACECASE_DB_USER=postgres \
		TRACECASE_DB_PASSWORD="$(cat "$WORK/data/postgres/tracecase-superuser-password")" \
		TRACECASE_SMTP_HOST=localhost TRACECASE_SMTP_PORT="$SINK_PORT" PORT=$((PORT + 1)) \
		java $JAVA_OPTS -jar "$JAR" --tracecase.demo.data=false \
		--camunda.bpm.generic-properties.properties.hostname=node-2 "${APP_ARGS[@]}" > "$WORK/app2.log" 2>&1 &
	APP2_PID=$!
	wait_for_health "$((PORT + 1))" "$APP2_PID" "$WORK/app2.log"
	URLS="$URLS,http://localhost:$((PORT + 1))"
fi

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
java bench/IntakeBenchmark.java --url="$URLS" --devices="$DEVICES" --reports="$REPORTS" \
	--warmup="$WARMUP" --earlier="$EARLIER" --clients="$CLIENTS" --tracecase="$TRACECASE" --out="$RESULT"

if [[ "$PG_STAT_STATEMENTS" == true ]]; then
	"${PSQL[@]}" -F ' | ' -c "SELECT calls, round(total_exec_time)::bigint AS total_ms,
		round((total_exec_time / calls)::numeric, 2) AS mean_ms, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
		FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 30" > "$WORK/pg_stat_statements.txt"
	echo "Top statements by total time: $WORK/pg_stat_statements.txt"
fi
INCIDENTS=$(curl -fsS -u admin:admin "http://localhost:$PORT/engine-rest/incident/count" || echo '?')
ONCE=""
if [[ "$NODES" == 2 ]]; then
	# nothing done twice: no step of a process instance completed twice, every mail marked sent arrived once
	sleep 10 # the last mails of the run
	TWICE=$("${PSQL[@]}" -c "SELECT count(*) FROM (SELECT proc_inst_id_, act_id_ FROM act_hi_actinst
		WHERE act_type_ = 'serviceTask' AND end_time_ IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) twice" || echo '?')
	BY_NODE=$("${PSQL[@]}" -F '=' -c "SELECT hostname_, count(*) FROM act_hi_job_log
		WHERE job_state_ = 2
		GROUP BY 1 ORDER BY 1" | tr '\n' ' ' || echo '?')
	FAILED_RUNS=$("${PSQL[@]}" -c "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 1" || echo '?')
	SENT=$("${PSQL[@]}" -c "SELECT count(*) FROM notification_message WHERE status = 'SENT'" || echo '?')
	# the sink keeps the newest mails and numbers every mail it received: the newest one's number is the count
	RECEIVED=$(curl -fsS -u cs.agent:cs.agent "http://localhost:$PORT/api/mail/messages?limit=1" | grep -o '"number":[0-9]*' | cut -d: -f2 || echo '?')
	ONCE="Steps completed twice in one instance: $TWICE; jobs done per node: $BY_NODE; failed job runs (rolled back, retried): $FAILED_RUNS; mails marked sent: $SENT, received by the sink: $RECEIVED"
fi
stop_app

{
	echo
	echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with local changes)')"
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), load average now $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "Java: $(java -version 2>&1 | head -1); app options $JAVA_OPTS ${APP_ARGS[*]}"
	echo "PostgreSQL: $PG_VERSION (embedded)"
	echo "Job executor environment: $(env | grep -E '^TRACECASE_JOB_' | sort | tr '\n' ' ')"
	echo "Incidents after the run: $INCIDENTS"
	[[ -n "$ONCE" ]] && echo "Two nodes: $ONCE"
	echo "Command: BENCH_NODES=$NODES BENCH_DEVICES=$DEVICES BENCH_PG_STAT_STATEMENTS=$PG_STAT_STATEMENTS BENCH_REPORTS=$REPORTS BENCH_EARLIER=$EARLIER BENCH_CLIENTS=$CLIENTS BENCH_TRACECASE=$TRACECASE bench/run-intake.sh ${APP_ARGS[*]}"
} | tee -a "$RESULT"
echo "Result: $RESULT"
