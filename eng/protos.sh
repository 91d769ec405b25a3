#!/usr/bin/env bash
# ./llo protos [DIR]: writes a bundle of the contracts that a partner compiles with nothing else:
# Llo's own .proto files, plus every google/... file they import, taken at bundle time from the
# restored NuGet packages (the repository holds no copy of Google's files). Default DIR: .llo/protos.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-$ROOT/.llo/protos}
SOURCE="$ROOT/services/Llo.Contracts/Protos"

version() { sed -n "s/.*<PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$ROOT/Directory.Packages.props"; }
packages=${NUGET_PACKAGES:-$(dotnet nuget locals global-packages -l | sed 's/^global-packages: //')}
packages=${packages%/}
# Where the imported files live: google/api/{annotations,http}.proto in the JSON transcoding package,
# the well-known google/protobuf/*.proto beside protoc in Grpc.Tools, google/rpc and google/type in
# Google.Api.CommonProtos.
candidates=(
  "$packages/microsoft.aspnetcore.grpc.jsontranscoding/$(version Microsoft.AspNetCore.Grpc.JsonTranscoding)/content/protos"
  "$packages/grpc.tools/$(version Grpc.Tools)/build/native/include"
  "$packages/google.api.commonprotos/$(version Google.Api.CommonProtos)/content/protos"
)
if [ ! -d "${candidates[0]}" ] || [ ! -d "${candidates[1]}" ]; then
  echo "Restoring the contracts' packages first..." >&2
  dotnet restore "$ROOT/services/Llo.Contracts/Llo.Contracts.csproj" -v q >/dev/null
fi

mkdir -p "$OUT"
(cd "$SOURCE" && find . -name '*.proto' -print0 | xargs -0 -I{} install -D -m 644 {} "$OUT/{}")

imports() { grep -hoE '^[[:space:]]*import[[:space:]]+(public[[:space:]]+|weak[[:space:]]+)?"[^"]+"' "$@" | sed -E 's/.*"([^"]+)"/\1/' | sort -u; }

# Copy what is imported and missing until nothing is missing (imported files import others).
while :; do
  missing=()
  while IFS= read -r file; do
    [ -n "$file" ] && [ ! -f "$OUT/$file" ] && missing+=("$file")
  done < <(find "$OUT" -name '*.proto' -print0 | xargs -0 cat | imports /dev/stdin)
  [ ${#missing[@]} -eq 0 ] && break
  for file in "${missing[@]}"; do
    found=""
    for dir in "${candidates[@]}"; do
      if [ -f "$dir/$file" ]; then found="$dir/$file"; break; fi
    done
    if [ -z "$found" ]; then
      echo "No package supplies $file (imported by the contracts): add the package that does to eng/protos.sh." >&2
      exit 1
    fi
    install -D -m 644 "$found" "$OUT/$file"
  done
done

count=$(find "$OUT" -name '*.proto' | wc -l)
echo "Wrote $count .proto files to $OUT (Llo's contracts and the google/... files they import)."
echo "Compile them with only this folder on the include path, e.g.:"
echo "  cd $OUT && protoc -I . --include_imports --descriptor_set_out=llo.pb \$(find . -path ./google -prune -o -name '*.proto' -print)"
