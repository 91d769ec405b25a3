#!/usr/bin/env bash
# ./llo token ROLE [1|2]: prints an access token of the demo user with ROLE in demo organisation 1 (default) or 2,
# from /connect/token of the running gateway (password grant with the client llo-cli, only while demo users exist).
set -euo pipefail

role=${1:-}
org=${2:-1}
if [ -z "$role" ] || [ "$role" = "-h" ] || [ "$role" = "--help" ]; then
  cat >&2 <<'USAGE'
Usage: ./llo token ROLE [1|2]
  ROLE: programme-manager project-leader partner-editor hr-manager coach counsellor worker parent
        municipality-analyst privacy-officer operator
  Example: curl -H "Authorization: Bearer $(./llo token programme-manager)" http://localhost:8080/api/identity/v1/users
USAGE
  exit 2
fi
case "$role" in *[!a-z-]*) echo "Onbekende rol '$role' / unknown role: lower case and hyphens only." >&2; exit 2 ;; esac
case "$org" in 1|2) ;; *) echo "Organisatie is 1 of 2 / organisation must be 1 or 2." >&2; exit 2 ;; esac

gateway=${LLO_GATEWAY_URL:-http://localhost:${Llo__Ports__Gateway:-8080}}
scopes="openid profile"
for service in inventory identity matching career-route hr-network finance; do scopes="$scopes $service.read $service.write"; done

body=$(mktemp)
trap 'rm -f "$body"' EXIT
if ! status=$(curl -sS --max-time 30 -o "$body" -w '%{http_code}' -X POST "$gateway/connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=llo-cli \
    --data-urlencode "username=$role@demo$org.llo.test" --data-urlencode password=Demo-wachtwoord-1 \
    --data-urlencode "scope=$scopes" 2>/dev/null); then
  echo "Het platform draait niet op $gateway: start het eerst met ./llo run." >&2
  echo "The platform is not running at $gateway: start it with ./llo run first." >&2
  exit 1
fi

if [ "$status" = 200 ]; then
  sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$body" | head -1
  exit 0
fi

error=$(sed -n 's/.*"error"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$body" | head -1)
case "$error" in
  invalid_client|unsupported_grant_type)
    echo "Er zijn geen demogebruikers (Identity__DemoUsers=false): ./llo token werkt alleen in de demo." >&2
    echo "Demo users are switched off (Identity__DemoUsers=false): ./llo token only works in the demo." >&2 ;;
  invalid_grant)
    echo "Geen demogebruiker '$role@demo$org.llo.test' (of het account is 15 minuten geblokkeerd)." >&2
    echo "No demo user '$role@demo$org.llo.test' (or the account is locked for 15 minutes)." >&2 ;;
  *)
    echo "De gateway antwoordde $status / the gateway answered $status: $(head -c 300 "$body")" >&2 ;;
esac
exit 1
