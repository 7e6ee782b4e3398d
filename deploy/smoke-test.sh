#!/usr/bin/env bash
# Build the container image and smoke-test it against the Bot API stand-in:
#   - without BOT_TOKEN it refuses to start (exit 2, one line naming the setting);
#   - with a token it migrates the database on its volume, starts long polling against the
#     stand-in, and its HEALTHCHECK turns healthy (/healthz 200, /metrics answers);
#   - `stop` (SIGTERM) ends it with exit code 0 well within the grace period;
#   - started again on the same volume it finds the schema current (nothing to apply);
#   - the stand-in saw the bot's calls and no call the real Bot API would reject.
# Everything stays on this machine's loopback: the container uses the host's network, the
# stand-in listens on 127.0.0.1. Exits non-zero on the first failure; cleans up after itself.
#
# Usage: deploy/smoke-test.sh            (from anywhere; needs docker or podman, and .venv)
# Environment:
#   CONTAINER_ENGINE  docker or podman (default: docker if its daemon answers, else podman)
#   IMAGE             the tag to build and test (default hearing-bot:smoke)
#   SKIP_BUILD=1      test IMAGE as it is
#   PYTHON_IMAGE      passed to the build as --build-arg (the base image; Dockerfile default
#                     python:3.11-slim-bookworm)
#   BUILD_NETWORK     the build's network (default host: pip reaches the package index the
#                     way this machine does); empty for the engine's default
#   BUILD_FLAGS       more flags for the build, e.g. "--isolation chroot" for podman
#   RUN_FLAGS         more flags for each run, e.g. "--ulimit nofile=20000:20000 --ulimit
#                     nproc=4096:4096" where podman's default limits exceed the host's
#   STANDIN_PYTHON    a Python that can import the repository's standin/ (default .venv's)
#   HEALTH_TIMEOUT    seconds to wait for "healthy" (default 120)
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-hearing-bot:smoke}
HEALTH_TIMEOUT=${HEALTH_TIMEOUT:-120}
GRACE=60
BUILD_NETWORK=${BUILD_NETWORK-host}
STANDIN_PYTHON=${STANDIN_PYTHON:-.venv/bin/python}
TOKEN=123456:TEST
NAME=hearing-bot-smoke-$$
VOLUME=$NAME-data
WORK=$(mktemp -d)
STANDIN_PID=

say() { echo "smoke: $*"; }
fail() {
    echo "smoke: FAIL: $*" >&2
    if [ -n "${ENGINE:-}" ] && $ENGINE container inspect "$NAME" >/dev/null 2>&1; then
        echo "--- container log (last 40 lines) ---" >&2
        $ENGINE logs --tail 40 "$NAME" >&2 2>&1 || true
    fi
    if [ -s "$WORK/standin.log" ]; then
        echo "--- stand-in log ---" >&2
        tail -n 20 "$WORK/standin.log" >&2 || true
    fi
    exit 1
}
cleanup() {
    if [ -n "${ENGINE:-}" ]; then
        $ENGINE rm -f "$NAME" >/dev/null 2>&1 || true
        $ENGINE volume rm -f "$VOLUME" >/dev/null 2>&1 || true
    fi
    if [ -n "$STANDIN_PID" ] && kill -0 "$STANDIN_PID" 2>/dev/null; then
        kill -TERM "$STANDIN_PID" 2>/dev/null || true
        wait "$STANDIN_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -n "${CONTAINER_ENGINE:-}" ]; then
    ENGINE=$CONTAINER_ENGINE
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    ENGINE=docker
elif command -v podman >/dev/null; then
    ENGINE=podman
else
    fail "no container engine: install docker (with a running daemon) or podman"
fi
$ENGINE info >/dev/null 2>&1 || fail "$ENGINE does not answer ($ENGINE info failed)"
[ -x "$STANDIN_PYTHON" ] || fail "$STANDIN_PYTHON not found: run 'make test' once (or set STANDIN_PYTHON)"
# shellcheck disable=SC2206  # lists of flags on purpose
run_flags=(${RUN_FLAGS:-})
say "engine: $ENGINE ($($ENGINE --version | head -n 1))"

# --- build ---
if [ "${SKIP_BUILD:-}" != 1 ]; then
    build=(build -t "$IMAGE")
    [ -n "${PYTHON_IMAGE:-}" ] && build+=(--build-arg "PYTHON_IMAGE=$PYTHON_IMAGE")
    [ -n "$BUILD_NETWORK" ] && build+=(--network "$BUILD_NETWORK")
    # podman's default OCI format drops HEALTHCHECK; the docker format keeps it.
    [ "$ENGINE" = podman ] && build+=(--format docker)
    # shellcheck disable=SC2206  # BUILD_FLAGS is a list of flags on purpose
    [ -n "${BUILD_FLAGS:-}" ] && build+=($BUILD_FLAGS)
    started=$SECONDS
    # Docker without the buildx plugin builds with its classic builder; say so, quietly.
    if [ "$ENGINE" = docker ] && ! docker buildx version >/dev/null 2>&1; then
        export DOCKER_BUILDKIT=0
    fi
    $ENGINE "${build[@]}" . >"$WORK/build.log" 2>&1 || {
        tail -n 40 "$WORK/build.log" >&2
        fail "the image did not build"
    }
    say "built $IMAGE in $((SECONDS - started)) s"
fi
size=$($ENGINE image inspect --format '{{.Size}}' "$IMAGE") || fail "no image $IMAGE"
say "image size: $((size / 1000 / 1000)) MB"
user=$($ENGINE image inspect --format '{{.Config.User}}' "$IMAGE")
[ "$user" = 10001:10001 ] || fail "the image runs as '$user', not 10001:10001"

# --- a missing token stops it at once with exit code 2 ---
set +e
out=$($ENGINE run --rm --network none "${run_flags[@]}" "$IMAGE" 2>&1)
code=$?
set -e
[ "$code" = 2 ] || fail "without BOT_TOKEN: exit code $code, expected 2 ($out)"
grep -q "BOT_TOKEN" <<<"$out" || fail "without BOT_TOKEN the error does not name it: $out"
say "no token: exit 2, '$(tail -n 1 <<<"$out")'"

# --- the stand-in, on the host's loopback, on a port it picks ---
PYTHONPATH=$PWD "$STANDIN_PYTHON" -u -m standin --host 127.0.0.1 --port 0 --token "$TOKEN" \
    >"$WORK/standin.log" 2>&1 &
STANDIN_PID=$!
for _ in $(seq 100); do
    grep -q "listening on" "$WORK/standin.log" && break
    kill -0 "$STANDIN_PID" 2>/dev/null || fail "the stand-in did not start"
    sleep 0.1
done
API_URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$WORK/standin.log" | head -n 1)
[ -n "$API_URL" ] || fail "the stand-in printed no address"
HEALTH_PORT=$("$STANDIN_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
say "stand-in at $API_URL; health on 127.0.0.1:$HEALTH_PORT"

# As compose.yaml runs it: read-only root, /tmp in memory, no capabilities. The health check
# runs every 2 s here (the image says 30 s) so the test does not wait for nothing.
$ENGINE volume create "$VOLUME" >/dev/null
$ENGINE run -d --name "$NAME" --network host "${run_flags[@]}" \
    --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
    --health-interval 2s \
    -v "$VOLUME:/data" \
    -e BOT_TOKEN="$TOKEN" -e TELEGRAM_API_URL="$API_URL" \
    -e HEALTH_LISTEN="127.0.0.1:$HEALTH_PORT" -e ADMIN_IDS= \
    "$IMAGE" >/dev/null || fail "the container did not start"

# podman without systemd runs no health-check timer: run the image's check by hand there.
health() {
    if [ "$ENGINE" = podman ]; then
        if podman healthcheck run "$NAME" >/dev/null 2>&1; then echo healthy; else echo starting; fi
    else
        docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$NAME"
    fi
}
wait_healthy() {
    local started=$SECONDS status=
    while [ $((SECONDS - started)) -lt "$HEALTH_TIMEOUT" ]; do
        running=$($ENGINE inspect --format '{{.State.Running}}' "$NAME")
        [ "$running" = true ] || fail "the container stopped while starting"
        status=$(health)
        [ "$status" = healthy ] && { say "healthy after $((SECONDS - started)) s"; return; }
        sleep 1
    done
    fail "not healthy after $HEALTH_TIMEOUT s (last status: ${status:-none})"
}
wait_healthy

body=$("$STANDIN_PYTHON" -c 'import sys, urllib.request as r; print(r.urlopen(sys.argv[1], timeout=5).read().decode())' \
    "http://127.0.0.1:$HEALTH_PORT/healthz") || fail "/healthz did not answer 200 from the host"
say "/healthz: $body"
"$STANDIN_PYTHON" -c 'import sys, urllib.request as r; t = r.urlopen(sys.argv[1], timeout=5).read().decode(); sys.exit(0 if "# TYPE" in t else 1)' \
    "http://127.0.0.1:$HEALTH_PORT/metrics" || fail "/metrics is not Prometheus text"

migrations=$(find migrations -name '*.sql' | wc -l)
logs=$($ENGINE logs "$NAME" 2>&1)
grep -q "schema version $migrations ($migrations applied)" <<<"$logs" \
    || fail "the log does not say all $migrations migrations were applied"
say "migrated: $(grep -o 'schema version [0-9]* ([0-9]* applied)' <<<"$logs" | head -n 1)"
$ENGINE exec "$NAME" test -s /data/bot.sqlite3 || fail "no database on the volume"

stop_and_check() {
    local started=$SECONDS code
    $ENGINE stop -t "$GRACE" "$NAME" >/dev/null
    local took=$((SECONDS - started))
    code=$($ENGINE inspect --format '{{.State.ExitCode}}' "$NAME")
    [ "$code" = 0 ] || fail "exit code $code after SIGTERM (expected 0)"
    [ "$took" -lt "$GRACE" ] || fail "stopping took $took s: killed at the end of the grace period"
    local tail_lines
    tail_lines=$($ENGINE logs "$NAME" 2>&1 | tail -n 5)  # not piped into grep -q (see below)
    grep -q "stopped" <<<"$tail_lines" || fail "no 'stopped' at the end of the log"
    say "stopped by SIGTERM in $took s, exit code 0"
}
stop_and_check

# Again on the same volume: the data stayed, nothing left to apply.
$ENGINE start "$NAME" >/dev/null
wait_healthy
# The log into a variable first: `logs | grep -q` lets grep stop reading at its match,
# and under pipefail the logger's broken pipe fails the check that just passed.
logs=$($ENGINE logs "$NAME" 2>&1)
grep -q "schema version $migrations (0 applied)" <<<"$logs" \
    || fail "on restart the schema was not found current on the volume"
say "restarted on the same volume: schema current"
stop_and_check

kill -TERM "$STANDIN_PID"
wait "$STANDIN_PID" || true
STANDIN_PID=
summary=$(grep -o 'stopped after [0-9]* calls, [0-9]* violations' "$WORK/standin.log") \
    || fail "the stand-in did not report its calls"
say "stand-in: $summary"
grep -q ', 0 violations' <<<"$summary" || fail "the bot made calls the Bot API would reject"
grep -q 'after 0 calls' <<<"$summary" && fail "the bot never called the stand-in"
say "OK: every check passed"
