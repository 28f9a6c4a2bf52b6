#!/usr/bin/env bash
# Installs the Flexboard agent as a systemd service (the non-Docker way). Run from the unpacked package.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

usage() {
    cat <<EOF
Usage: sudo ./install.sh [options]

Installs the Flexboard agent from this package:
  /opt/flexboard-agent/flexboard-agent.jar   the agent (and bin/: upgrade.sh, backup.sh, restore.sh)
  /etc/flexboard-agent/agent.env             settings, from .env.example (kept if it already exists)
  /var/lib/flexboard-agent                   data dir, owned by the user flexboard-agent
  /etc/systemd/system/flexboard-agent.service  enabled; started once the required settings are set
Checks for Java 17+, creates the system user, never overwrites an installed jar (use upgrade.sh)
or existing settings. Safe to run again.

Options:
  --prefix DIR        install under DIR instead of / (a staging root for tests or packaging):
                      no user is created, no ownership changed, systemctl is not called
  --no-systemd        do not install the unit (run the jar yourself, or use docker-compose.yml)
  --java PATH         the java to run the agent with (default: \$JAVA_HOME/bin/java, else java on PATH)
  --jar FILE          the agent jar (default: $JAR_NAME next to this script)
  --user NAME         the system user the agent runs as (default: $AGENT_USER_DEFAULT)
  --set NAME=VALUE    write a setting into agent.env, e.g. --set CONTROL_PLANE_URL=https://… (repeatable;
                      prefer editing the file for AGENT_API_KEY: a command line ends up in shell history)
  -h, --help          this text
EOF
}

NO_SYSTEMD=0
JAR_SOURCE="$SCRIPT_DIR/$JAR_NAME"
AGENT_USER="$AGENT_USER_DEFAULT"
SETTINGS=()
while (($# > 0)); do
    case "$1" in
        --prefix) [[ $# -ge 2 ]] || usage_error "--prefix needs a directory"; PREFIX="${2%/}"; shift 2 ;;
        --no-systemd) NO_SYSTEMD=1; shift ;;
        --java) [[ $# -ge 2 ]] || usage_error "--java needs a path"; JAVA="$2"; shift 2 ;;
        --jar) [[ $# -ge 2 ]] || usage_error "--jar needs a file"; JAR_SOURCE="$2"; shift 2 ;;
        --user) [[ $# -ge 2 ]] || usage_error "--user needs a name"; AGENT_USER="$2"; shift 2 ;;
        --set)
            [[ $# -ge 2 && "$2" =~ ^[A-Z_][A-Z0-9_]*= ]] || usage_error "--set needs NAME=VALUE"
            SETTINGS+=("$2"); shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown option: $1" ;;
    esac
done
layout

if [[ -z "$PREFIX" && "$(id -u)" -ne 0 ]]; then
    die "run as root (sudo ./install.sh), or pass --prefix DIR for a staging install"
fi
require_java
[[ -f "$JAR_SOURCE" ]] || die "no agent jar at $JAR_SOURCE (run from the unpacked package, or pass --jar FILE)"
info "Installing the Flexboard agent under ${PREFIX:-/} (Java $JAVA_MAJOR: $JAVA)"

if is_system_install; then
    if ! id "$AGENT_USER" >/dev/null 2>&1; then
        nologin="$(command -v nologin || echo /usr/sbin/nologin)"
        useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell "$nologin" "$AGENT_USER"
        info "  created system user $AGENT_USER"
    fi
fi

install -d -m 0755 "$INSTALL_DIR" "$INSTALL_DIR/bin" "$INSTALL_DIR/bin/lib"
install -d -m 0700 "$CONF_DIR"
install -d -m 0750 "$DATA_DIR" "$BACKUP_DIR_DEFAULT"
if is_system_install; then
    chown "$AGENT_USER:$AGENT_USER" "$DATA_DIR"
fi

if [[ -f "$INSTALLED_JAR" ]] && ! cmp -s "$JAR_SOURCE" "$INSTALLED_JAR"; then
    warn "$INSTALLED_JAR exists and differs from this package's jar: kept. Use upgrade.sh to change versions."
elif [[ ! -f "$INSTALLED_JAR" ]]; then
    # Copy beside, then rename: the installed jar is never a half-written file.
    install -m 0644 "$JAR_SOURCE" "$INSTALLED_JAR.tmp"
    mv -f "$INSTALLED_JAR.tmp" "$INSTALLED_JAR"
    info "  installed $INSTALLED_JAR"
fi

# The maintenance scripts go along, so backups and restores run from the installation later on.
for script in upgrade.sh backup.sh restore.sh install.sh; do
    install -m 0755 "$SCRIPT_DIR/$script" "$INSTALL_DIR/bin/$script"
done
install -m 0644 "$SCRIPT_DIR/lib/common.sh" "$INSTALL_DIR/bin/lib/common.sh"
if [[ -f "$SCRIPT_DIR/docs/agent.md" ]]; then
    install -d -m 0755 "$INSTALL_DIR/docs"
    install -m 0644 "$SCRIPT_DIR/docs/agent.md" "$INSTALL_DIR/docs/agent.md"
fi

if [[ -f "$ENV_FILE" ]]; then
    info "  kept the existing settings in $ENV_FILE"
else
    [[ -f "$SCRIPT_DIR/.env.example" ]] || die "no .env.example next to $0 to create $ENV_FILE from"
    # 0600: it holds the API key; systemd reads it as root before dropping to the agent's user.
    install -m 0600 "$SCRIPT_DIR/.env.example" "$ENV_FILE"
    info "  created $ENV_FILE from .env.example"
fi
for setting in ${SETTINGS[@]+"${SETTINGS[@]}"}; do
    name="${setting%%=*}"
    # Replace the line NAME=… (or append it), through a temp file renamed over the original.
    NAME="$name" VALUE="${setting#*=}" awk '
        index($0, ENVIRON["NAME"] "=") == 1 { if (!done) print ENVIRON["NAME"] "=" ENVIRON["VALUE"]; done = 1; next }
        { print }
        END { if (!done) print ENVIRON["NAME"] "=" ENVIRON["VALUE"] }' "$ENV_FILE" >"$ENV_FILE.tmp"
    chmod 0600 "$ENV_FILE.tmp"
    mv -f "$ENV_FILE.tmp" "$ENV_FILE"
    info "  set $name in $ENV_FILE"
done

missing=()
for required in CONTROL_PLANE_URL AGENT_API_KEY TENANT_ID; do
    [[ -n "$(env_value "$ENV_FILE" "$required")" ]] || missing+=("$required")
done

if ((${#missing[@]} > 0)); then
    info "Still to set in $ENV_FILE: ${missing[*]}"
fi
if [[ "$NO_SYSTEMD" == "1" ]]; then
    info "Installed without a systemd unit. Run it with:"
    info "  set -a; . $ENV_FILE; set +a; $JAVA -jar $INSTALLED_JAR run --data-dir $DATA_DIR"
    exit 0
fi

install -d -m 0755 "$UNIT_DIR"
# The shipped unit names the default paths; point it at this Java, this user and this prefix.
sed -e "s#/usr/bin/java #$JAVA #" \
    -e "s#^User=.*#User=$AGENT_USER#" -e "s#^Group=.*#Group=$AGENT_USER#" \
    -e "s#/opt/flexboard-agent#$INSTALL_DIR#g" -e "s#/etc/flexboard-agent#$CONF_DIR#g" \
    -e "s#/var/lib/flexboard-agent#$DATA_DIR#g" \
    "$SCRIPT_DIR/flexboard-agent.service" >"$UNIT_DIR/$UNIT_NAME.tmp"
chmod 0644 "$UNIT_DIR/$UNIT_NAME.tmp"
mv -f "$UNIT_DIR/$UNIT_NAME.tmp" "$UNIT_DIR/$UNIT_NAME"
info "  installed $UNIT_DIR/$UNIT_NAME"

if ! is_system_install; then
    info "Staging install: the unit is written but not enabled (no systemctl under --prefix)."
    exit 0
fi
systemctl daemon-reload
systemctl enable "$UNIT_NAME"
if ((${#missing[@]} > 0)); then
    info "Enabled, not started: once they are set, systemctl start flexboard-agent"
else
    systemctl restart "$UNIT_NAME"
    info "Started. Check it with:"
    info "  $JAVA -jar $INSTALLED_JAR status --data-dir $DATA_DIR"
    info "  journalctl -u flexboard-agent -f"
fi
