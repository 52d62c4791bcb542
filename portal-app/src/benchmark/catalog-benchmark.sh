#!/usr/bin/env bash
# Catalog benchmark (issue #4): 100k items with 300k barcodes and aliases imported through the product path, beside a
# PostgreSQL COPY of the same rows, and the first Catalog grid page over 1M items. Prints a Markdown table, also
# written to portal-app/target/catalog-benchmark.md.
#
#   bash portal-app/src/benchmark/catalog-benchmark.sh [-o] [-Dbenchmark.items=100000] [-Dbenchmark.gridItems=1000000]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
log="portal-app/target/catalog-benchmark.log"
mkdir -p portal-app/target
rm -f portal-app/target/catalog-benchmark.md
./mvnw -q "$@" -pl db-migrations,tenant-config,themes install -DskipTests
if ! ./mvnw "$@" -pl portal-app verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
        -Dit.test=CatalogImportBenchmark -Dfailsafe.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "The benchmark failed; see $log and portal-app/target/failsafe-reports" >&2
    exit 1
fi
cat portal-app/target/catalog-benchmark.md
