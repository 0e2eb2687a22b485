#!/usr/bin/env bash
# Install (from Debian's packages, when missing) and start what the tests need:
# a PostgreSQL server on 127.0.0.1:5432 with a `dyad` role and a `dyad_test` database, and
# Chromium for the browser tests. Idempotent: safe to run again on a machine that has both.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "services: installing ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='dyad'\" | grep -q 1 || psql -q -c \"CREATE ROLE dyad LOGIN SUPERUSER PASSWORD 'dyad'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='dyad_test'\" | grep -q 1 || createdb -O dyad dyad_test"
echo "services: PostgreSQL $version on 127.0.0.1:5432 (dyad_test), chromium at $(command -v chromium)"
