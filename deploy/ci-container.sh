#!/usr/bin/env bash
# CI's container check (run as root by .ci/run after the tests, so .venv exists): install
# Debian's docker.io, start a daemon for this run only, build the image and run
# deploy/smoke-test.sh against it, then stop the daemon.
#
# No image registry is reachable from CI, so the base image is built here: Debian 12 with
# its python3 (3.11, as requirements.lock wants) from Debian's packages, plus this
# machine's CA certificates (package downloads go through a proxy that uses them). On a
# machine that can pull images, run deploy/smoke-test.sh alone: it builds on
# python:3.11-slim-bookworm.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

export DEBIAN_FRONTEND=noninteractive
if ! command -v dockerd >/dev/null || ! command -v debootstrap >/dev/null; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends docker.io debootstrap >/dev/null
fi

work=$(mktemp -d)
dockerd_pid=
cleanup() {
    if [ -n "$dockerd_pid" ]; then
        kill "$dockerd_pid" 2>/dev/null || true
        wait "$dockerd_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# No iptables or bridge: the smoke test runs the container on the host's network.
dockerd --iptables=false --ip6tables=false --bridge=none >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
docker info >/dev/null 2>&1 || { cat "$work/dockerd.log" >&2; exit 1; }

base=hearing-bot-base:bookworm
if ! docker image inspect "$base" >/dev/null 2>&1; then
    root="$work/root"
    debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
        bookworm "$root" >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
        chroot "$root" update-ca-certificates >/dev/null
    fi
    tar -C "$root" -c . | docker import \
        --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' - "$base" >/dev/null
fi
echo "ci: container engine and base image ready in $((SECONDS - started)) s"
PYTHON_IMAGE=$base deploy/smoke-test.sh
echo "ci: container build and smoke test took $((SECONDS - started)) s"
