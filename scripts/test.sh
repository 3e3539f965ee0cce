#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need from Debian's packages when it is missing
# (libsecp256k1 for the native signer, PostgreSQL for the integration tests, Node.js and npm for the TypeScript
# contract tests, which install TypeScript itself with npm ci), checks Python 3 has pydantic 2 (the Pydantic contract
# tests), then prints the closing line "N passed, N failed, N skipped" counted from the TRX results of every test project.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
ldconfig -p 2>/dev/null | grep -q 'libsecp256k1\.so\.1' || missing+=(libsecp256k1-1)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "could not install ${missing[*]}" >&2
    exit 1
  }
fi

# PyPI may be out of reach and Debian's python3-pydantic is 1.x: say what is missing rather than install it.
if ! python3 -c 'import pydantic, sys; sys.exit(0 if pydantic.VERSION.startswith("2.") else 1)' 2>/dev/null; then
  echo "the Pydantic contract tests need Python 3 with pydantic 2: pip install 'pydantic>=2,<3'" >&2
fi

results="$(pwd)/TestResults"
rm -rf "$results"
dotnet test Polytraders.sln -c Release --logger trx --results-directory "$results" "$@"
status=$?

passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})) failed=$((failed + ${f:-0})) skipped=$((skipped + ${n:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the build or a test host failed before any result was written
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
