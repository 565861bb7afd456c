#!/usr/bin/env bash
# The compatibility matrix: the end-to-end tests that drive a real n8n, run on each n8n
# version (and Node.js) the README says the package supports. Each leg installs its n8n
# into test/.n8n/<version> on first use (3-7 minutes), then runs the same test files.
#   npm run test:matrix                 every leg but the pinned n8n's (npm run test:e2e runs
#                                       these tests and more on it; npm run test:all runs both)
#   npm run test:matrix -- 2.8.4        only the legs whose n8n version is named
set -uo pipefail
cd "$(dirname "$0")/.."

# n8n version | Node.js version ("" = this machine's Node) | why this leg
LEGS=(
  "1.123.81||newest n8n 1.x (its engines allow Node 20)"
  "2.8.4||newest n8n 2.x whose engines allow Node 20; the version npm run test:e2e and npm start use"
  "2.41.1|24.21.0|newest n8n 2.x that installs from the registry here (2.41.3 needs @n8n/agents 0.26.2, which it does not serve); needs Node 24"
)
TESTS=(
  test/e2e/communityInstall.test.ts
  test/e2e/listInRealN8n.test.ts
  test/e2e/triggerInRealN8n.test.ts
  test/e2e/crashInRealN8n.test.ts
  test/e2e/credentialTestInRealN8n.test.ts
  test/e2e/queueMode.test.ts
  test/e2e/aiAgentInRealN8n.test.ts
)

if [ ! -f dist/package.json ]; then npm run build >/dev/null; fi
# the install test clicks through the editor in Chromium; the queue-mode test needs Redis
bash scripts/install-chromium.sh && bash scripts/install-redis.sh || exit 1
summary=()
failed=0
matrix_start=$(date +%s)

pinned=$(sed -n 's/^version="${N8N_TEST_VERSION:-\([0-9.]*\)}"$/\1/p' scripts/install-n8n.sh)
selected=()
for leg in "${LEGS[@]}"; do
  version="${leg%%|*}"
  if [ $# -eq 0 ] && [ "$version" = "$pinned" ]; then
    summary+=("$(printf '%-28s %s' "n8n $version" "run by npm run test:e2e, not repeated here")")
  elif [ $# -eq 0 ] || [[ " $* " == *" $version "* ]]; then selected+=("$leg"); fi
done

# install the legs' n8n versions side by side first (each is mostly download and one compile)
installs=()
for leg in "${selected[@]}"; do
  IFS='|' read -r version node why <<<"$leg"
  N8N_TEST_VERSION="$version" N8N_TEST_NODE_VERSION="$node" bash scripts/install-n8n.sh &
  installs+=($!)
done
for pid in "${installs[@]}"; do wait "$pid" || true; done
echo "n8n versions ready after $(( $(date +%s) - matrix_start )) s"
for leg in "${selected[@]}"; do
  IFS='|' read -r version node why <<<"$leg"
  label="n8n $version on Node ${node:-$(node --version | sed 's/^v//')}"
  echo
  echo "=== $label: $why"
  start=$(date +%s)
  # install again only if the side-by-side install failed (it returns at once otherwise)
  if N8N_TEST_VERSION="$version" N8N_TEST_NODE_VERSION="$node" bash scripts/install-n8n.sh &&
    N8N_TEST_VERSION="$version" N8N_TEST_NODE_VERSION="$node" npx jest --config jest.e2e.config.js --runInBand "${TESTS[@]}"; then
    result="passed"
  else
    result="FAILED"
    failed=1
  fi
  summary+=("$(printf '%-28s %-7s %4d s' "$label" "$result" $(( $(date +%s) - start )))")
done
echo
echo "Compatibility matrix ($(( $(date +%s) - matrix_start )) s in all):"
printf '  %s\n' "${summary[@]}"
exit $failed
