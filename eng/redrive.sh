#!/usr/bin/env bash
# ./llo redrive SERVICE: moves the messages in SERVICE's dead-letter queues back to their queues for another
# round of attempts (messages already handled have no second effect), on the platform that ./llo run started.
# It asks the running service itself (POST /admin/messaging/dead-letters:redrive on its own HTTP port, which
# the gateway never forwards), as the dashboard command "Dode berichten opnieuw aanbieden" does.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

service=${1:-}
if [ -z "$service" ] || [ "$service" = "-h" ] || [ "$service" = "--help" ]; then
  echo "Usage: ./llo redrive SERVICE   (e.g. inventory, career-route)" >&2
  exit 2
fi
case "$service" in *[!a-z-]*) echo "Unknown service name '$service': lower case and hyphens only." >&2; exit 2 ;; esac

# career-route -> CareerRoute: the project is services/<Pascal>/Llo.<Pascal>.Api.
pascal=$(echo "$service" | awk -F- '{for (i = 1; i <= NF; i++) printf "%s%s", toupper(substr($i, 1, 1)), substr($i, 2)}')

# The service's process under this checkout; the app host hands it its HTTP/1.1 URL in
# Kestrel__Endpoints__http__Url (Llo.AppHost/ServiceEndpoints.cs), a service run alone may use ASPNETCORE_URLS.
pid=$(pgrep -f -- "$ROOT/services/$pascal/Llo\.$pascal\.Api" | head -1 || true)
if [ -z "$pid" ]; then
  echo "No running '$service' service of this checkout: start the platform with ./llo run first." >&2
  exit 1
fi
urls=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null |
  sed -n -e 's/^Kestrel__Endpoints__http__Url=//p' -e 's/^ASPNETCORE_URLS=//p' | tr ';' ' ')
if [ -z "$urls" ]; then
  echo "Cannot read the listening URLs of '$service' (pid $pid)." >&2
  exit 1
fi

# Use the first URL that answers over HTTP/1.1 (an h2c-only one does not).
for url in $urls; do
  url=${url/\/\/+:/\/\/localhost:}; url=${url/\/\/\*:/\/\/localhost:}; url=${url/\/\/0.0.0.0:/\/\/localhost:}
  if result=$(curl -sS --fail --max-time 120 --http1.1 -X POST "$url/admin/messaging/dead-letters:redrive" 2>/dev/null); then
    echo "Moved back to their queues (per queue): $result"
    exit 0
  fi
done
echo "The '$service' service did not accept the redrive on $urls." >&2
exit 1
