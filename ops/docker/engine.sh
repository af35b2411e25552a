#!/usr/bin/env bash
# Makes a Docker engine answer on this machine and the local base images exist, for the system
# tests and the compose smoke test. Idempotent and cache-friendly: every step is skipped when its
# result is already there, so on a machine with an engine (and a public registry) it does nothing.
#
#   ops/docker/engine.sh up           install docker.io and Chromium / start dockerd / build base images when missing
#   ops/docker/engine.sh run CMD ...  `up`, then CMD, then stop the dockerd if this run started it;
#                                     exits with CMD's status (the README's test command uses this)
#   ops/docker/engine.sh stop         stop the dockerd this script started (nothing else)
#
# Base images (built from Debian's packages, since no public image registry may be reachable):
#   bluelight/jre:17         Debian bookworm minbase + openjdk-17-jre-headless + curl
#   bluelight/prometheus:1   bluelight/jre:17 + Debian's prometheus package
set -euo pipefail

STATE_DIR="${BLUELIGHT_ENGINE_STATE:-/var/tmp/bluelight-engine}"
PID_FILE="$STATE_DIR/dockerd.pid"
JRE_IMAGE="${BLUELIGHT_JRE_IMAGE:-bluelight/jre:17}"
PROMETHEUS_IMAGE="${BLUELIGHT_PROMETHEUS_IMAGE:-bluelight/prometheus:1}"
SUITE=bookworm

log() { echo "== engine: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
engine_answers() { docker info >/dev/null 2>&1; }

stop_engine() {
  if [ -f "$PID_FILE" ]; then
    local pid; pid="$(cat "$PID_FILE")"
    if kill -0 "$pid" 2>/dev/null; then
      log "stopping the dockerd it started (pid $pid)"
      as_root kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
    rm -f "$PID_FILE"
  else
    log "no dockerd started by this script"
  fi
}

apt_install() {
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_engine() {
  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing docker.io (Debian package)"
    apt_install docker.io
  fi
  if ! command -v docker-compose >/dev/null 2>&1; then
    log "installing docker-compose (Debian package)"
    apt_install docker-compose
  fi
}

start_engine() {
  engine_answers && return 0
  mkdir -p "$STATE_DIR"
  log "starting dockerd (log: $STATE_DIR/dockerd.log)"
  # setsid: the daemon outlives this script and the shell that ran it; `engine.sh stop` ends it by
  # the pid dockerd writes (and removes again when it stops).
  as_root setsid dockerd --pidfile "$PID_FILE" >"$STATE_DIR/dockerd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do engine_answers && return 0; sleep 1; done
  echo "dockerd did not answer within 60 s; see $STATE_DIR/dockerd.log" >&2
  exit 1
}

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

debian_mirror() {
  local uri
  uri="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
  [ -n "$uri" ] || uri="$(awk '/^deb / && $3 ~ /^'"$SUITE"'$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

build_jre_image() {
  image_exists "$JRE_IMAGE" && return 0
  command -v debootstrap >/dev/null 2>&1 || { log "installing debootstrap"; apt_install debootstrap; }
  local mirror root
  mirror="$(debian_mirror)"
  root="$(mktemp -d "${TMPDIR:-/tmp}/bluelight-jre.XXXXXX")"
  log "building $JRE_IMAGE with debootstrap from $mirror"
  as_root debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates,curl \
    "$SUITE" "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
  # Smaller image: no apt lists or package caches.
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  as_root tar -C "$root" -c . | docker import \
    -c 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'CMD ["/bin/bash"]' - "$JRE_IMAGE" >/dev/null
  as_root rm -rf "$root" "$root.log"
}

build_prometheus_image() {
  image_exists "$PROMETHEUS_IMAGE" && return 0
  log "building $PROMETHEUS_IMAGE (Debian's prometheus package on $JRE_IMAGE)"
  docker build -q --build-arg "BASE_IMAGE=$JRE_IMAGE" -t "$PROMETHEUS_IMAGE" \
    "$(dirname "$0")/prometheus" >/dev/null
}

# The console's browser tests drive Debian's Chromium through chromedriver (Selenium from Maven Central).
install_browser() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    log "installing chromium and chromium-driver (Debian packages) for the console's browser tests"
    apt_install chromium chromium-driver
  fi
}

up() {
  local start; start=$(date +%s)
  install_browser
  if ! { command -v docker >/dev/null 2>&1 && engine_answers; }; then
    install_engine
    start_engine
  fi
  command -v docker-compose >/dev/null 2>&1 || install_engine
  build_jre_image
  build_prometheus_image
  log "ready in $(( $(date +%s) - start )) s (Docker $(docker version -f '{{.Server.Version}}'))"
}

case "${1:-up}" in
  up) up ;;
  stop) stop_engine ;;
  run)
    shift
    [ $# -gt 0 ] || { echo "usage: $0 run CMD [ARGS...]" >&2; exit 2; }
    started_here=false
    engine_answers || started_here=true
    up
    status=0
    "$@" || status=$?
    if [ "$started_here" = true ]; then stop_engine; fi
    exit "$status"
    ;;
  *) echo "usage: $0 [up|stop|run CMD ARGS...]" >&2; exit 2 ;;
esac
