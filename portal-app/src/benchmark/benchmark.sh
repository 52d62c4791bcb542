#!/usr/bin/env bash
# Runs one of the portal's benchmarks (test classes named *Benchmark, not part of the test suite) against the
# embedded PostgreSQL and prints its Markdown table, also written to portal-app/target/<name>.md.
#
#   bash portal-app/src/benchmark/benchmark.sh CatalogImportBenchmark [-o] [-Dbenchmark.items=100000] [-Dbenchmark.gridItems=1000000]
#   bash portal-app/src/benchmark/benchmark.sh OrderPipelineBenchmark [-o] [-Dbenchmark.orders=2000]
#   bash portal-app/src/benchmark/benchmark.sh WmsApplyBenchmark [-o] [-Dbenchmark.orders=1000] [-Dbenchmark.items=100000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
benchmark="${1:?name the benchmark: CatalogImportBenchmark or OrderPipelineBenchmark}"
shift
log="portal-app/target/$benchmark.log"
out="$PWD/portal-app/target/$benchmark.md"
mkdir -p portal-app/target
rm -f "$out"
./mvnw -q "$@" -pl db-migrations,tenant-config,themes install -DskipTests
if ! ./mvnw "$@" -pl portal-app verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dit.test="$benchmark" -Dfailsafe.failIfNoSpecifiedTests=false -Dbenchmark.out="$out" >"$log" 2>&1; then
    echo "The benchmark failed; see $log and portal-app/target/failsafe-reports" >&2
    exit 1
fi
cat "$out"
