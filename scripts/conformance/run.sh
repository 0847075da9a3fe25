#!/usr/bin/env bash
# Runs schemathesis against a live Easel server's own OpenAPI document: every operation,
# every check, a bounded number of generated requests each, with a fixed seed so that a run
# repeats exactly. Exits non-zero on any failure.
#   scripts/conformance/run.sh BASE_URL API_KEY [extra schemathesis options]
# Run the server with `--role api`: the jobs created stay queued, so that none of the URLs
# generated for image_urls or callback_url is ever fetched.
# EASEL_CONFORMANCE_SEED and EASEL_CONFORMANCE_EXAMPLES change the seed and the number.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${1:?usage: run.sh BASE_URL API_KEY}"
key="${2:?usage: run.sh BASE_URL API_KEY}"
shift 2
"$here/setup.sh"

export SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$here"
# Hypothesis keeps a cache in the working directory; keep it in the (ignored) environment.
export HYPOTHESIS_STORAGE_DIRECTORY="$here/.venv/hypothesis"
# Left out: the event stream and the OpenAI route wait for jobs to finish, which never
# happens under --role api (each has its own tests), and the playground's static files.
# The key goes through the document's own security scheme (schemathesis.toml), not as a
# fixed header, so that the checks that leave it out really send no Authorization.
export EASEL_CONFORMANCE_KEY="$key"
exec "$here/.venv/bin/st" --config-file "$here/schemathesis.toml" run "$base/openapi.yaml" \
    --exclude-path /api/v1/job/events --exclude-path /v1/images/edits \
    --exclude-path / --exclude-path-regex '^/playground/' \
    --seed "${EASEL_CONFORMANCE_SEED:-20260101}" \
    --max-examples "${EASEL_CONFORMANCE_EXAMPLES:-100}" \
    --no-color "$@"
