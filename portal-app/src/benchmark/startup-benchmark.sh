#!/usr/bin/env bash
# Start-up, memory and build benchmark of the Crossdock portal. Prints a Markdown table.
#
#   bash portal-app/src/benchmark/startup-benchmark.sh [--cold] [--verify]
#
#   warm run     the README's start command with the local Maven repository filled: time to the first served page
#   jar start    java -jar of the packaged portal: time to the first served page, and idle RSS after 30 s
#   --cold       the README's start command with an EMPTY Maven repository (downloads everything; slow)
#   --verify     a clean `./mvnw verify` (all tests, Chromium included)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

cold=false
verify=false
for arg in "$@"; do
    case "$arg" in
        --cold) cold=true ;;
        --verify) verify=true ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d /tmp/crossdock-bench.XXXXXX)"
trap 'stop_all; rm -rf "$work"' EXIT
pids=()

stop_all() {
    for pid in "${pids[@]:-}"; do
        [[ -n "$pid" ]] || continue
        pkill -TERM -P "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    # the embedded PostgreSQL of each run lives under $work
    pkill -TERM -f "postgres -D $work" 2>/dev/null || true
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Polls until the portal answers; prints seconds since $1 (epoch ms).
await_page() {
    local started="$1" port="$2" log="$3" pid="$4" deadline=$((SECONDS + 900))
    until curl -fs -o /dev/null "http://127.0.0.1:$port/login"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "the start command ended before the portal answered; log: $log" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if ((SECONDS > deadline)); then
            echo "portal did not answer within 900 s; log: $log" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        sleep 0.2
    done
    echo "scale=1; ($(date +%s%3N) - $started) / 1000" | bc
}

# Runs the README start command; prints seconds to the first page.
readme_start() {
    local name="$1"
    shift
    local port log started pid
    port="$(free_port)"
    log="$work/$name.log"
    started="$(date +%s%3N)"
    CROSSDOCK_HOME="$work/$name-home" CROSSDOCK_PORT="$port" "$@" ./mvnw -B -pl portal-app -am -DskipTests \
        package spring-boot:run >"$log" 2>&1 &
    pid=$!
    pids+=("$pid")
    await_page "$started" "$port" "$log" "$pid"
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

rss_mb() {
    local total=0 pid
    for pid in "$@"; do
        total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
    done
    echo $((total / 1024))
}

rows=()
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

if $cold; then
    rows+=("| README start command, cold (empty Maven repository) | $(readme_start cold env MAVEN_OPTS=-Dmaven.repo.local=$work/m2) s |")
fi
rows+=("| README start command, warm (Maven repository filled) | $(readme_start warm env) s |")

# Starts the packaged jar on the given home; sets jar_pid and seconds (to the first page).
start_jar() {
    local home="$1" log="$2" port started
    port="$(free_port)"
    started="$(date +%s%3N)"
    "$java_bin" -Djava.io.tmpdir="$work" -jar portal-app/target/portal-app.jar --server.port="$port" \
        --crossdock.home="$home" >"$log" 2>&1 &
    jar_pid=$!
    pids+=("$jar_pid")
    seconds=$(await_page "$started" "$port" "$log" "$jar_pid")
}

start_jar "$work/jar-home" "$work/jar.log"
rows+=("| java -jar portal-app.jar, first start (creates the database) | $seconds s |")
sleep 30
pg_pids=$(pgrep -f "postgres.*$work/jar-home" || true)
rows+=("| idle RSS after 30 s: portal JVM | $(rss_mb "$jar_pid") MB |")
rows+=("| idle RSS after 30 s: embedded PostgreSQL (all processes) | $(rss_mb $pg_pids) MB |")
kill -TERM "$jar_pid"
wait "$jar_pid" 2>/dev/null || true

start_jar "$work/jar-home" "$work/jar2.log"
rows+=("| java -jar portal-app.jar, restart (existing database) | $seconds s |")
kill -TERM "$jar_pid"
wait "$jar_pid" 2>/dev/null || true

if $verify; then
    started="$(date +%s%3N)"
    ./mvnw -B clean verify >"$work/verify.log" 2>&1 || { tail -n 40 "$work/verify.log" >&2; exit 1; }
    rows+=("| clean ./mvnw verify (all tests) | $(echo "scale=0; ($(date +%s%3N) - $started) / 1000" | bc) s |")
fi

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr); $(date -u +%Y-%m-%d)"
echo
echo "| measurement | result |"
echo "|---|---|"
printf '%s\n' "${rows[@]}"
