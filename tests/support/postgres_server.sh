#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests of the PostgreSQL store, started and stopped
# by ctest (the fixture postgres_server in tests/CMakeLists.txt).
#
#   postgres_server.sh start STATE_DIR   initdb into a new temporary folder, start a server
#                                        listening on a Unix socket in it only (no TCP), and
#                                        write STATE_DIR/conninfo for the tests
#   postgres_server.sh stop STATE_DIR    stop it and delete its folder
#
# When no server can be started (PostgreSQL not installed, initdb or start failing), start
# writes the reason to STATE_DIR/unavailable instead and exits 0: the tests then skip with
# that reason, or fail when MORGUE_REQUIRE_POSTGRES=1 (as the README's test command sets).
# PostgreSQL refuses to run as root: as root, the server runs as the unprivileged user
# "postgres" that Debian's postgresql package creates.
set -uo pipefail

command=${1:-}
state=${2:-}
if [ -z "$command" ] || [ -z "$state" ]; then
  echo "usage: postgres_server.sh start|stop STATE_DIR" >&2
  exit 2
fi

# The server's binaries: Debian keeps them out of PATH, per major version.
server_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_server() {
  if [ -f "$state/folder" ]; then
    local folder bin
    folder=$(cat "$state/folder")
    if [ -d "$folder/data" ] && bin=$(server_bin); then
      as_server_user "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$folder"
  fi
  rm -f "$state/folder" "$state/conninfo" "$state/unavailable"
}

unavailable() {
  echo "$1" >"$state/unavailable"
  echo "postgres_server.sh: no PostgreSQL server for the tests: $1" >&2
  exit 0
}

case "$command" in
  stop)
    stop_server
    ;;
  start)
    mkdir -p "$state"
    # A server a killed run left behind.
    stop_server
    bin=$(server_bin) || unavailable "initdb and pg_ctl not found (install postgresql-15)"
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
      unavailable "running as root and there is no user 'postgres' to run the server as"
    fi
    # Short, in /tmp: a Unix socket's path has at most 107 bytes.
    folder=$(mktemp -d /tmp/morgue-pg.XXXXXX) || unavailable "cannot make a folder in /tmp"
    echo "$folder" >"$state/folder"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$folder"; fi
    # Only the server's user (and root) may reach the socket: the server trusts every
    # local connection.
    chmod 0700 "$folder"
    # fsync off: the server's data is thrown away after the run.
    if ! as_server_user "$bin/initdb" -D "$folder/data" -U morgue -A trust -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$folder/initdb.log" 2>&1; then
      unavailable "initdb failed: $(tail -n 3 "$folder/initdb.log" | tr '\n' ' ')"
    fi
    if ! as_server_user "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
      -o "-k $folder -c listen_addresses= -c fsync=off -c max_connections=200" \
      start >/dev/null 2>&1; then
      unavailable "the server did not start: $(tail -n 3 "$folder/server.log" | tr '\n' ' ')"
    fi
    echo "host=$folder user=morgue dbname=postgres" >"$state/conninfo"
    ;;
  *)
    echo "postgres_server.sh: unknown command '$command' (start or stop)" >&2
    exit 2
    ;;
esac
