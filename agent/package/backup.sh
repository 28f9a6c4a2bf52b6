#!/usr/bin/env bash
# Copies the agent's data dir into a timestamped tar.gz, while the agent runs.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$SCRIPT_DIR/lib/common.sh"

usage() {
    cat <<EOF
Usage: ./backup.sh [options]

Writes <output dir>/flexboard-agent-backup-<UTC timestamp>.tar.gz with the data dir's
${FILES[*]} (those that exist) and a SHA256SUMS file, and prints the archive's path.
The agent may keep running: it replaces each file by an atomic rename, so every copy is a whole
file, old or new, never a mix (current.json and previous.json can be one update apart, which
the agent accepts: each is a complete, checksummed configuration).

Options:
  --data-dir DIR      the agent's data dir (default: /var/lib/flexboard-agent under the prefix;
                      Docker: the AGENT_DATA_PATH of .env, e.g. ./data)
  --output DIR        where the archive goes (default: /var/backups/flexboard-agent under the prefix)
  --prefix DIR        the staging root install.sh used (default: /)
  -h, --help          this text
Restore with restore.sh ARCHIVE. Keep backups off this machine too.
EOF
}

OUTPUT_DIR=""
while (($# > 0)); do
    case "$1" in
        --data-dir) [[ $# -ge 2 ]] || usage_error "--data-dir needs a directory"; DATA_DIR="$2"; shift 2 ;;
        --output) [[ $# -ge 2 ]] || usage_error "--output needs a directory"; OUTPUT_DIR="$2"; shift 2 ;;
        --prefix) [[ $# -ge 2 ]] || usage_error "--prefix needs a directory"; PREFIX="${2%/}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) usage_error "unknown option: $1" ;;
    esac
done
layout
OUTPUT_DIR="${OUTPUT_DIR:-$BACKUP_DIR_DEFAULT}"

[[ -d "$DATA_DIR" ]] || die "no data dir at $DATA_DIR (pass --data-dir DIR)"
[[ -f "$DATA_DIR/current.json" || -f "$DATA_DIR/agent-id" ]] ||
    die "$DATA_DIR holds no agent data (no current.json, no agent-id): nothing to back up"
install -d -m 0750 "$OUTPUT_DIR"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
ARCHIVE="$OUTPUT_DIR/flexboard-agent-backup-$STAMP.tar.gz"
[[ ! -e "$ARCHIVE" ]] || die "$ARCHIVE exists already (two backups in one second?)"
STAGING="$(mktemp -d "${TMPDIR:-/tmp}/flexboard-agent-backup.XXXXXX")"
trap 'rm -rf "$STAGING" "$ARCHIVE.tmp"' EXIT
mkdir -m 0700 "$STAGING/flexboard-agent-backup"

copied=()
for file in "${FILES[@]}"; do
    # cp reads the inode it opened: a rename by the agent meanwhile does not tear the copy.
    if cp -p "$DATA_DIR/$file" "$STAGING/flexboard-agent-backup/$file" 2>/dev/null; then
        copied+=("$file")
    fi
done
(cd "$STAGING/flexboard-agent-backup" && sha256sum "${copied[@]}" >SHA256SUMS)
{
    echo "created_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host=$(hostname 2>/dev/null || echo unknown)"
    echo "data_dir=$DATA_DIR"
    echo "files=${copied[*]}"
} >"$STAGING/flexboard-agent-backup/BACKUP-INFO"

# Written beside, renamed when complete: a backup that exists is a whole backup.
tar -C "$STAGING" -czf "$ARCHIVE.tmp" flexboard-agent-backup
chmod 0600 "$ARCHIVE.tmp"
mv -f "$ARCHIVE.tmp" "$ARCHIVE"
info "Backed up ${copied[*]} from $DATA_DIR" >&2
echo "$ARCHIVE"
