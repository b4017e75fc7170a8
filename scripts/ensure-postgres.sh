#!/usr/bin/env bash
# Makes sure a PostgreSQL server is running for the sync server's tests, and prints the URL to give them
# (GLOSS_TEST_DATABASE_URL) as its only line on stdout. As root (CI, these machines): installs Debian's
# postgresql with apt if missing, starts its cluster, and creates a `gloss` role (password `gloss`, CREATEDB:
# each test file creates and drops a database of its own). Idempotent: a second run only prints the URL.
# Without root it checks that the URL works and otherwise says what to run.
set -euo pipefail
say() { echo "ensure-postgres: $*" >&2; }
url_for() { echo "postgres://gloss:gloss@127.0.0.1:$1/postgres"; }

cluster_line() { pg_lsclusters --no-header 2>/dev/null | head -n 1; }

if [ "$(id -u)" != "0" ]; then
  port=$( (cluster_line || true) | awk '{print $3}')
  url=$(url_for "${port:-5432}")
  if command -v psql >/dev/null 2>&1 && psql "$url" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    echo "$url"
    exit 0
  fi
  say "no usable PostgreSQL at $url. As root, run: bash scripts/ensure-postgres.sh"
  say "(or set GLOSS_TEST_DATABASE_URL to a role with CREATEDB)"
  exit 1
fi

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql/*/bin/postgres 2>/dev/null)" ]; then
  say "installing postgresql with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq postgresql >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }
fi

if [ -z "$(cluster_line)" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  say "creating cluster $version/main…"
  pg_createcluster "$version" main >/dev/null
fi
read -r version name port status _ < <(cluster_line)
if [ "$status" != "online" ]; then
  say "starting cluster $version/$name on port $port…"
  # Its warnings (no systemd here) go to stderr: stdout carries only the URL.
  pg_ctlcluster "$version" "$name" start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$port" || { say "PostgreSQL did not come up on port $port"; exit 1; }

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -Atqc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'gloss'")" != "1" ]; then
  say "creating role gloss…"
  psql_admin "CREATE ROLE gloss LOGIN PASSWORD 'gloss' CREATEDB"
fi
url_for "$port"
