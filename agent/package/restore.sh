#!/usr/bin/env bash
# Puts a backup made by backup.sh back into the agent's data dir, with the agent stopped.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

usage() {
    cat <<EOF
Usage: sudo ./restore.sh [options] ARCHIVE

1. checks the archive: only flexboard-agent-backup/… entries, SHA256SUMS match, and
   'java -jar flexboard-agent.jar status' reads the restored files (nothing changes if not)
2. stops the service (or, with --no-service, refuses while the agent still answers on 127.0.0.1)
3. copies the data dir's current files aside to <data dir>.before-restore-<UTC timestamp>
4. renames the restored ${FILES[*]} into the data dir (a file absent from
   the backup is removed), owned by the data dir's owner (the agent's user)
5. checks the data dir with 'java -jar flexboard-agent.jar status', starts the service
The agent then serves the restored configuration and syncs: if the control plane has published a
newer version since, it fetches it. agent-id is restored too: restoring one machine's backup on
another makes both the same installation to the control plane.

Options:
  --data-dir DIR      the agent's data dir (default: /var/lib/flexboard-agent under the prefix;
                      Docker: the AGENT_DATA_PATH of .env, e.g. ./data)
  --prefix DIR        the staging root install.sh used (default: /)
  --no-service        do not stop/start the service: you stopped the agent yourself
                      (Docker: docker compose stop agent … docker compose start agent)
  --jar FILE          the agent jar for the checks (default: the installed one, else the one next to this script)
  --java PATH         the java to run it with (default: \$JAVA_HOME/bin/java, else java on PATH)
  -h, --help          this text
Environment: FLEXBOARD_AGENT_SERVICE_CMD replaces systemctl (called as: <cmd> stop|start|is-active $UNIT_NAME).
EOF
}

ARCHIVE=""
JAR=""
NO_SERVICE=0
while (($# > 0)); do
    case "$1" in
        --data-dir) [[ $# -ge 2 ]] || usage_error "--data-dir needs a directory"; DATA_DIR="$2"; shift 2 ;;
        --prefix) [[ $# -ge 2 ]] || usage_error "--prefix needs a directory"; PREFIX="${2%/}"; shift 2 ;;
        --no-service) NO_SERVICE=1; shift ;;
        --jar) [[ $# -ge 2 ]] || usage_error "--jar needs a file"; JAR="$2"; shift 2 ;;
        --java) [[ $# -ge 2 ]] || usage_error "--java needs a path"; JAVA="$2"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        -*) usage_error "unknown option: $1" ;;
        *) [[ -z "$ARCHIVE" ]] || usage_error "one archive only"; ARCHIVE="$1"; shift ;;
    esac
done
[[ -n "$ARCHIVE" ]] || usage_error "which archive? (backup.sh printed its path)"
layout
if [[ "$NO_SERVICE" == "0" ]]; then
    require_root_unless_staged
fi
[[ -r "$ARCHIVE" ]] || die "cannot read $ARCHIVE"

if [[ -z "$JAR" ]]; then
    for candidate in "$INSTALLED_JAR" "$SCRIPT_DIR/$JAR_NAME"; do
        if [[ -f "$candidate" ]]; then
            JAR="$candidate"
            break
        fi
    done
fi
if [[ -n "$JAR" ]]; then
    require_java
else
    warn "no agent jar found (pass --jar FILE): the restored files are checked by their checksums only"
fi

ARCHIVE="$(cd "$(dirname "$ARCHIVE")" && pwd)/$(basename "$ARCHIVE")"
entries="$(tar -tzf "$ARCHIVE")" || die "$ARCHIVE is not a readable tar.gz"
# A backup holds one directory of plain files; anything else is not ours and is not unpacked.
while IFS= read -r entry; do
    case "$entry" in
        flexboard-agent-backup/ | flexboard-agent-backup/*) ;;
        *) die "$ARCHIVE is not a Flexboard agent backup (unexpected entry '$entry')" ;;
    esac
    [[ "$entry" != *..* ]] || die "$ARCHIVE has an entry with '..': refused"
done <<<"$entries"

mkdir -p "$DATA_DIR"
# Unpacked inside the data dir: the final renames stay on one file system even when it is a mount.
STAGING="$(mktemp -d "$DATA_DIR/.restore.XXXXXX")"
trap 'rm -rf "$STAGING"' EXIT
tar -xzf "$ARCHIVE" -C "$STAGING" --no-same-owner
RESTORED="$STAGING/flexboard-agent-backup"
[[ -f "$RESTORED/SHA256SUMS" ]] || die "$ARCHIVE has no SHA256SUMS: not made by backup.sh"
(cd "$RESTORED" && sha256sum --quiet -c SHA256SUMS) || die "$ARCHIVE is damaged: checksums do not match"
if [[ -n "$JAR" ]]; then
    info "The backup holds:"
    agent_status "$JAR" "$RESTORED" || die "'java -jar $JAR status' cannot read the backup; nothing was changed"
fi

PORT="$(env_value "$ENV_FILE" AGENT_HTTP_PORT)"
PORT="${PORT:-8090}"
if [[ "$NO_SERVICE" == "1" ]]; then
    if [[ "$PORT" != "0" ]] && local_status_answers "$PORT"; then
        die "an agent still answers on 127.0.0.1:$PORT: stop it first (the agent would overwrite what is restored)"
    fi
else
    info "Stopping $UNIT_NAME"
    service stop || die "could not stop $UNIT_NAME; nothing was changed"
fi

# The agent (systemd user, or the container's AGENT_UID) owns its data dir; restored files follow it.
OWNER="$(stat -c '%u:%g' "$DATA_DIR")"
ASIDE="${DATA_DIR%/}.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -m 0700 "$ASIDE"
for file in "${FILES[@]}" current.json.corrupt; do
    if [[ -f "$DATA_DIR/$file" ]]; then
        cp -p "$DATA_DIR/$file" "$ASIDE/$file"
    fi
done
info "The data dir's files before the restore are in $ASIDE"

for file in "${FILES[@]}"; do
    if [[ -f "$RESTORED/$file" ]]; then
        chmod 0640 "$RESTORED/$file"
        if [[ "$(id -u)" -eq 0 ]]; then
            chown "$OWNER" "$RESTORED/$file"
        fi
        mv -f "$RESTORED/$file" "$DATA_DIR/$file"
    else
        rm -f "$DATA_DIR/$file"
    fi
done
info "Restored ${FILES[*]} into $DATA_DIR from $ARCHIVE"

if [[ -n "$JAR" ]]; then
    agent_status "$JAR" "$DATA_DIR" || die "'java -jar $JAR status' cannot read $DATA_DIR after the restore; the old files are in $ASIDE"
fi
if [[ "$NO_SERVICE" == "0" ]]; then
    info "Starting $UNIT_NAME"
    service start || die "restored, but $UNIT_NAME does not start: journalctl -u flexboard-agent"
fi
info "Restore done."
