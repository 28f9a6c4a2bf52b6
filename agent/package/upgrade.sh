#!/usr/bin/env bash
# Replaces the installed agent jar with a new one, verifies the agent comes back, rolls back if not.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

usage() {
    cat <<EOF
Usage: sudo ./upgrade.sh [options]          (from the new version's unpacked package)
       sudo ./upgrade.sh --rollback         (back to the jar before the last upgrade)

1. checks the new jar on this Java: 'java -jar NEW status' must read the data dir (nothing changes if not)
2. stops the service, keeps the installed jar as flexboard-agent.jar.previous
3. puts the new jar in place by renaming it over the old one (never a half-copied jar)
4. starts the service and verifies it: still running after the settle time, its local GET /status
   answers 200, and 'java -jar flexboard-agent.jar status' reads the data dir
5. if the verification fails: puts the previous jar back (the failed one is kept as
   flexboard-agent.jar.failed), starts it, verifies again, and exits 1
The data dir is not touched: the agent reads the same files before and after. Take a backup first
(backup.sh) if you want a way back from a newer agent's files.

Options:
  --jar FILE          the new agent jar (default: $JAR_NAME next to this script)
  --rollback          install flexboard-agent.jar.previous instead (it swaps with the current jar)
  --prefix DIR        the staging root install.sh used (default: /)
  --data-dir DIR      the agent's data dir (default: /var/lib/flexboard-agent under the prefix)
  --java PATH         the java the service runs (default: \$JAVA_HOME/bin/java, else java on PATH)
  --settle SECONDS    how long the agent must keep running after the start (default: 10)
  --no-http-check     do not ask the agent's local GET /status (e.g. AGENT_HTTP_PORT=0)
  -h, --help          this text
Environment: FLEXBOARD_AGENT_SERVICE_CMD replaces systemctl (called as: <cmd> stop|start|is-active $UNIT_NAME).
Exit status: 0 upgraded (or nothing to do), 1 failed (rolled back, or nothing changed), 2 wrong usage.
EOF
}

NEW_JAR="$SCRIPT_DIR/$JAR_NAME"
ROLLBACK=0
SETTLE=10
HTTP_CHECK=1
while (($# > 0)); do
    case "$1" in
        --jar) [[ $# -ge 2 ]] || usage_error "--jar needs a file"; NEW_JAR="$2"; shift 2 ;;
        --rollback) ROLLBACK=1; shift ;;
        --prefix) [[ $# -ge 2 ]] || usage_error "--prefix needs a directory"; PREFIX="${2%/}"; shift 2 ;;
        --data-dir) [[ $# -ge 2 ]] || usage_error "--data-dir needs a directory"; DATA_DIR="$2"; shift 2 ;;
        --java) [[ $# -ge 2 ]] || usage_error "--java needs a path"; JAVA="$2"; shift 2 ;;
        --settle)
            [[ $# -ge 2 && "$2" =~ ^[0-9]+$ ]] || usage_error "--settle needs a number of seconds"
            SETTLE="$2"; shift 2 ;;
        --no-http-check) HTTP_CHECK=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown option: $1" ;;
    esac
done
layout
require_root_unless_staged
require_java

PREVIOUS_JAR="$INSTALLED_JAR.previous"
FAILED_JAR="$INSTALLED_JAR.failed"
STAGED_JAR="$INSTALLED_JAR.new"
[[ -f "$INSTALLED_JAR" ]] || die "no agent installed at $INSTALLED_JAR: run install.sh first"
if [[ "$ROLLBACK" == "1" ]]; then
    [[ -f "$PREVIOUS_JAR" ]] || die "no $PREVIOUS_JAR to roll back to"
    NEW_JAR="$PREVIOUS_JAR"
fi
[[ -f "$NEW_JAR" ]] || die "no new jar at $NEW_JAR (pass --jar FILE)"
if cmp -s "$NEW_JAR" "$INSTALLED_JAR"; then
    info "$INSTALLED_JAR is already this jar: nothing to do"
    exit 0
fi

PORT="$(env_value "$ENV_FILE" AGENT_HTTP_PORT)"
PORT="${PORT:-8090}"
if [[ "$HTTP_CHECK" == "1" && "$PORT" == "0" ]]; then
    warn "AGENT_HTTP_PORT=0 (any free port): the local GET /status cannot be checked"
    HTTP_CHECK=0
fi

# Puts $1 in place as the installed jar: copied beside it, then renamed over it.
put_in_place() {
    install -m 0644 "$1" "$INSTALLED_JAR.tmp"
    mv -f "$INSTALLED_JAR.tmp" "$INSTALLED_JAR"
}

# True when the started agent stays up, answers locally and its jar reads the data dir.
verify() {
    local waited=0 answered=0
    while ((waited < SETTLE)); do
        if [[ "$HTTP_CHECK" == "1" ]] && local_status_answers "$PORT"; then
            answered=1
            break
        fi
        sleep 1
        waited=$((waited + 1))
    done
    if ! service is-active; then
        warn "$UNIT_NAME is not running ${SETTLE}s after the start (journalctl -u flexboard-agent says why)"
        return 1
    fi
    if [[ "$HTTP_CHECK" == "1" && "$answered" == "0" ]] && ! local_status_answers "$PORT"; then
        warn "the agent does not answer GET http://127.0.0.1:$PORT/status"
        return 1
    fi
    if ! agent_status "$INSTALLED_JAR" "$DATA_DIR"; then
        warn "'java -jar $INSTALLED_JAR status' failed"
        return 1
    fi
}

info "Checking $NEW_JAR on Java $JAVA_MAJOR against $DATA_DIR"
agent_status "$NEW_JAR" "$DATA_DIR" >/dev/null ||
    die "the new jar cannot read $DATA_DIR with $JAVA ('java -jar $NEW_JAR status' failed); nothing was changed"
# Staged before the stop, so the agent is down only for a stop, two renames and a start.
install -m 0644 "$NEW_JAR" "$STAGED_JAR"

info "Stopping $UNIT_NAME"
service stop || die "could not stop $UNIT_NAME; nothing was changed (the new jar is staged as $STAGED_JAR)"
install -m 0644 "$INSTALLED_JAR" "$PREVIOUS_JAR.tmp"
mv -f "$PREVIOUS_JAR.tmp" "$PREVIOUS_JAR"
mv -f "$STAGED_JAR" "$INSTALLED_JAR"
info "Installed the new jar (the previous one is $PREVIOUS_JAR); starting $UNIT_NAME"
if service start && verify; then
    info "Upgrade done: the agent runs the new jar."
    exit 0
fi

warn "the new jar did not come up: rolling back to $PREVIOUS_JAR"
service stop || true
install -m 0644 "$INSTALLED_JAR" "$FAILED_JAR"
put_in_place "$PREVIOUS_JAR"
if service start && verify; then
    die "upgrade failed and was rolled back: the agent runs the previous jar again (the failed one is $FAILED_JAR)"
fi
die "upgrade failed and the previous jar does not come up either: see journalctl -u flexboard-agent; the jars are $INSTALLED_JAR (previous) and $FAILED_JAR (new)"
