# shellcheck shell=bash
# Checks what Llo needs from the machine and installs missing OS packages when allowed
# (root, or sudo without a password); otherwise names the one command that installs them.

llo_missing_packages() {
  local missing=()
  command -v dotnet >/dev/null 2>&1 || missing+=("dotnet-sdk-10.0")
  [ -x "$PG_BIN/postgres" ] || missing+=("postgresql-15")
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || missing+=("rabbitmq-server")
  [ -f /usr/share/hunspell/nl.dic ] || missing+=("hunspell-nl") # Dutch words: the overlap check splits compounds
  echo "${missing[@]:-}"
}

llo_ensure_prereqs() {
  local missing; missing=$(llo_missing_packages)
  [ -z "$missing" ] && return 0
  if [[ " $missing " == *" dotnet-sdk-10.0 "* ]]; then
    echo "The .NET 10 SDK is missing: install it (https://dot.net) and run this again." >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      # Without the Dutch word list the overlap check only misses compounds: say so and go on.
      [ "$missing" = "hunspell-nl" ] && { echo "Optional: sudo apt-get install -y hunspell-nl (Dutch compounds in the overlap check)." >&2; return 0; }
      echo "Missing: $missing. Install with: sudo apt-get update && sudo apt-get install -y $missing" >&2
      return 1
    fi
  fi
  echo "Installing $missing from the OS packages..."
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  # The Debian packages start system instances; Llo runs its own on other ports and leaves those alone.
}

# llo_port_free PORT WHAT: one clear sentence when a port Llo needs is taken.
llo_port_free() {
  if port_open "$1"; then
    echo "Port $1 ($2) is already in use: stop what listens there (see: ss -ltnp 'sport = :$1') or run ./llo stop." >&2
    return 1
  fi
}
