# shellcheck shell=bash
# Variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034
# Shared by install.sh, upgrade.sh, backup.sh and restore.sh: the installed layout, messages, the
# Java check and the service manager. Sourced, never run; every caller sets -euo pipefail first.

readonly UNIT_NAME="flexboard-agent.service"
readonly AGENT_USER_DEFAULT="flexboard-agent"
readonly JAR_NAME="flexboard-agent.jar"

# What a backup holds (backup.sh) and a restore puts back (restore.sh): the configuration the agent
# runs, its fallback, the last sync and the installation's identity. Not agent.lock (a lock, not data),
# not *.tmp (interrupted writes).
readonly FILES=(current.json previous.json status.json agent-id)

# PREFIX is a staging root ("" = the real system). Everything the scripts touch lives below it, so a
# test or a packager can run them without root, without a system user and without systemd.
PREFIX="${PREFIX:-}"
DATA_DIR="${DATA_DIR:-}"
JAVA="${JAVA:-}"

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}
# Wrong usage exits 2, like the agent itself, so scripts driving these tell a typo from a failure.
usage_error() {
    printf 'error: %s (see --help)\n' "$*" >&2
    exit 2
}

# Sets the paths of the installed layout under PREFIX. Call after the options are parsed.
layout() {
    INSTALL_DIR="$PREFIX/opt/flexboard-agent"
    CONF_DIR="$PREFIX/etc/flexboard-agent"
    ENV_FILE="$CONF_DIR/agent.env"
    UNIT_DIR="$PREFIX/etc/systemd/system"
    BACKUP_DIR_DEFAULT="$PREFIX/var/backups/flexboard-agent"
    INSTALLED_JAR="$INSTALL_DIR/$JAR_NAME"
    DATA_DIR="${DATA_DIR:-$PREFIX/var/lib/flexboard-agent}"
}

# True when the scripts change the real system (users, ownership, systemd), not a staging root.
is_system_install() {
    [[ -z "$PREFIX" || "$PREFIX" == "/" ]] && [[ "$(id -u)" -eq 0 ]]
}

# Resolves JAVA (option, $JAVA, $JAVA_HOME, PATH) and checks it is Java 17 or newer.
require_java() {
    if [[ -z "$JAVA" ]]; then
        if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
            JAVA="$JAVA_HOME/bin/java"
        else
            JAVA="$(command -v java || true)"
        fi
    fi
    [[ -n "$JAVA" && -x "$JAVA" ]] || die "no Java found: install Java 17 or newer (e.g. apt-get install openjdk-17-jre-headless) or pass --java PATH"
    local version major
    # `java -version` prints e.g.: openjdk version "17.0.15" 2025-04-15 (or "1.8.0_392" before Java 9).
    version="$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)"
    [[ -n "$version" ]] || die "cannot tell the version of $JAVA ('$JAVA -version' printed no version)"
    major="${version%%[.+-]*}"
    if [[ "$major" == "1" ]]; then
        major="$(printf '%s' "$version" | cut -d. -f2)"
    fi
    [[ "$major" =~ ^[0-9]+$ ]] || die "cannot read the Java version '$version' of $JAVA"
    if ((major < 17)); then
        die "$JAVA is Java $version; the agent needs Java 17 or newer"
    fi
    JAVA_MAJOR="$major"
}

# The service manager, replaceable for tests and for other init systems: FLEXBOARD_AGENT_SERVICE_CMD is
# called as `<cmd> stop|start|is-active <unit>`, like systemctl. NO_SERVICE=1 skips it (--no-service).
service() {
    local action="$1" cmd
    if [[ "${NO_SERVICE:-0}" == "1" ]]; then
        return 0
    fi
    read -r -a cmd <<<"${FLEXBOARD_AGENT_SERVICE_CMD:-systemctl}"
    if [[ "$action" == "is-active" ]]; then
        "${cmd[@]}" is-active "$UNIT_NAME" >/dev/null 2>&1
    else
        "${cmd[@]}" "$action" "$UNIT_NAME"
    fi
}

# The agent's own check of a data dir: the jar starts on this JVM and reads current.json and status.json.
agent_status() {
    local jar="$1" dir="$2"
    "$JAVA" -jar "$jar" status --data-dir "$dir"
}

# The value of NAME in an env file ("" when absent or commented out).
env_value() {
    local file="$1" name="$2"
    [[ -r "$file" ]] || return 0
    sed -n "s/^[[:space:]]*$name=//p" "$file" | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}

# Asks the agent's local server for /status on 127.0.0.1 (bash's /dev/tcp: no curl needed). True on 200.
# In a subshell: a refused connection must not end the calling script under set -e.
local_status_answers() {
    local port="$1"
    (
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
        printf 'GET /status HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
        IFS= read -r -t 5 line <&3 || exit 1
        [[ "$line" == *" 200 "* ]]
    ) 2>/dev/null
}

# Not root on the real system: only a replaced service manager may still work.
require_root_unless_staged() {
    if [[ -z "$PREFIX" && "$(id -u)" -ne 0 && -z "${FLEXBOARD_AGENT_SERVICE_CMD:-}" ]]; then
        die "run as root (sudo $0 …), or pass --prefix DIR for a staging install"
    fi
}
