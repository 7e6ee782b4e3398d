# The bot as a container: `docker build -t hearing-bot .`, then see compose.yaml and the
# README ("Deploy"). Two stages: the builder makes a virtual environment in /opt/venv from
# requirements.lock (the pinned runtime dependencies) plus the project's own wheel; the final
# image is the same slim Python with that folder, a non-root user and nothing else.
#
# PYTHON_IMAGE: any Debian-based image with Python 3.11 at the same path in both stages
# (the venv links to it). requirements.lock is compiled with Python 3.11, hence 3.11 here.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS builder
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python3 -m venv /opt/venv
WORKDIR /src
# The dependencies first, from the lock alone: this layer is reused until the lock changes.
COPY requirements.lock ./
RUN /opt/venv/bin/pip install -r requirements.lock
# Then the project: a wheel (it carries migrations/, locales/ and forms/), installed without
# dependencies so nothing outside the lock comes in; `pip check` proves the lock complete,
# and a migration run from another folder proves the wheel carries its data.
COPY . .
RUN /opt/venv/bin/pip wheel --no-deps --wheel-dir /tmp/wheels . \
    && /opt/venv/bin/pip install --no-deps /tmp/wheels/*.whl \
    && /opt/venv/bin/pip check \
    && cd /tmp \
    && BOT_TOKEN=1:build DATABASE_PATH=/tmp/check.sqlite3 /opt/venv/bin/hearing-bot migrate \
    && /opt/venv/bin/python -c "import bot.app" \
    && rm /tmp/check.sqlite3* \
    && /opt/venv/bin/pip uninstall --quiet --yes pip setuptools

FROM ${PYTHON_IMAGE}
# A fixed uid/gid (10001) so a bind-mounted data folder can be given to it on the host:
# `chown -R 10001:10001 ./data`. Its home is the data volume; it has no shell.
RUN groupadd --system --gid 10001 bot \
    && useradd --system --no-log-init --uid 10001 --gid bot --home-dir /data \
        --no-create-home --shell /usr/sbin/nologin bot \
    && mkdir -p /data \
    && chown bot:bot /data \
    && chmod 0700 /data
COPY --from=builder /opt/venv /opt/venv
# DATABASE_PATH on the volume. Health and metrics stay on the container's loopback (the
# HEALTHCHECK runs inside the container); set HEALTH_LISTEN=0.0.0.0:8080 and publish the
# port only for a scraper. Matplotlib's font cache goes to /tmp (the root file system may be
# read-only; compose.yaml makes it so).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DATABASE_PATH=/data/bot.sqlite3 \
    MPLCONFIGDIR=/tmp/matplotlib
WORKDIR /data
VOLUME ["/data"]
USER 10001:10001
# 200 from /healthz, on the address HEALTH_LISTEN names (0.0.0.0 is reached as 127.0.0.1);
# a 503, a refused connection or a time-out is a failed check. HEALTH_LISTEN empty turns the
# endpoint off, and then the check passes: there is nothing to ask.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["python", "-c", "import os, sys, urllib.request as r; a = os.environ.get('HEALTH_LISTEN', '127.0.0.1:8080').strip(); h, _, p = a.rpartition(':'); h = h.strip('[]'); h = {'': '127.0.0.1', '0.0.0.0': '127.0.0.1', '::': '::1'}.get(h, h); h = f'[{h}]' if ':' in h else h; sys.exit(0 if not a or r.urlopen(f'http://{h}:{p}/healthz', timeout=8).status == 200 else 1)"]
# SIGTERM: updates in flight finish, then the database closes (allow 60 s: compose.yaml's
# stop_grace_period, `docker stop -t 60`).
STOPSIGNAL SIGTERM
ENTRYPOINT ["hearing-bot"]
CMD ["run"]
